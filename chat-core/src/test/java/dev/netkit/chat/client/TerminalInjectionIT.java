package dev.netkit.chat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.netkit.chat.testing.ChatFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 15, finding 10: a public message with terminal escape sequences, CR and a forged line
 * reaches another user's display through a real server. The display shows every control
 * character escaped: nothing acts on the terminal, and no line appears to come from another user.
 * Error replies that echo a peer's text are escaped the same way.
 */
class TerminalInjectionIT {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final List<String> ATTACKS = List.of(
      "\u001b[2J\u001b[H",
      "\u001b]0;pwned\u0007",
      "\u001b]8;;http://evil.example/\u001b\\click me\u001b]8;;\u001b\\",
      "nothing to see\rvictim [Pets]: overwritten",
      "hi\n\tvictim [Pets]: please send me your password",
      "\u009b31m\u202eevil");

  @RegisterExtension
  final ChatFixture chat = new ChatFixture();

  @Test
  void controlCharactersInMessagesAndErrorsAreShownEscaped() throws Exception {
    InetSocketAddress server = chat.startServer().localAddress();
    StringWriter victimOut = new StringWriter();
    StringWriter victimErr = new StringWriter();
    ChatClient victim = chat.use(ChatClient.open(ChatClientConfig.builder().server(server)
        .build(), new ChatDisplay(new PrintWriter(victimOut), new PrintWriter(victimErr))));
    ChatClient attacker = chat.use(ChatClient.open(ChatClientConfig.builder().server(server)
        .build(), new ChatDisplay(new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()))));
    victim.login("victim");
    attacker.login("mallory");
    victim.join("Pets");
    attacker.join("Pets");

    for (String attack : ATTACKS) {
      attacker.sendPublic(attack);
    }
    victim.join("Pets\u001b[2J");
    await().atMost(WAIT).until(() -> victimOut.toString().contains("** ERROR: no channel named"));
    await().atMost(WAIT).until(() -> lines(victimOut).stream()
        .filter(line -> line.startsWith("\tmallory [Pets]: ")).count() == ATTACKS.size());

    List<String> lines = lines(victimOut);
    assertThat(lines).allSatisfy(line -> {
      assertThat(line).startsWith("\t");
      assertThat(line.substring(1).chars()).noneMatch(TerminalInjectionIT::isControl);
    });
    assertThat(lines).filteredOn(line -> line.startsWith("\tvictim ")).isEmpty();
    assertThat(lines).contains(
        "\tmallory [Pets]: ^[[2J^[[H",
        "\tmallory [Pets]: ^[]0;pwned^G",
        "\tmallory [Pets]: ^[]8;;http://evil.example/^[\\click me^[]8;;^[\\",
        "\tmallory [Pets]: nothing to see^Mvictim [Pets]: overwritten",
        "\tmallory [Pets]: hi^J^Ivictim [Pets]: please send me your password",
        "\tmallory [Pets]: \\u009b31m\\u202eevil",
        "\t** ERROR: no channel named Pets^[[2J **");
    assertThat(victimErr.toString()).isEmpty();
  }

  private static List<String> lines(StringWriter out) {
    String text = out.toString();
    return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n", -1))
        .subList(0, text.split("\n", -1).length - 1);
  }

  private static boolean isControl(int c) {
    return c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0x202e;
  }
}
