package dev.netkit.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.netkit.chat.ChannelConfigFile;
import dev.netkit.chat.ChannelDefinition;
import dev.netkit.chat.client.ChatClient;
import dev.netkit.chat.client.ChatClientConfig;
import dev.netkit.chat.client.ChatListener;
import dev.netkit.chat.server.ChatServer;
import dev.netkit.chat.server.ChatServerConfig;
import dev.netkit.codec.chat.PrivateMessage;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** chat-client, chat-server and broadcast-echo as programs, over loopback. */
class ChatProgramsIT {

  private static final Duration WAIT = Duration.ofSeconds(15);

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final PipedOutputStream keyboard = new PipedOutputStream();
  private ChatServer server;

  @AfterEach
  void stop() throws IOException {
    keyboard.close();
    if (server != null) {
      server.close();
    }
  }

  /** Runs a program on a thread, its standard input fed by {@link #type}. */
  private Thread run(Object command, AtomicInteger status, String... args) {
    CommandLine commandLine = new CommandLine(command);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    Thread thread = new Thread(() -> status.set(commandLine.execute(args)), "program");
    thread.start();
    return thread;
  }

  private void type(String line) throws IOException {
    keyboard.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
  }

  private void awaitOut(String text) {
    await().atMost(WAIT).untilAsserted(() -> assertThat(out.toString()).contains(text));
  }

  private InetSocketAddress startServer() throws IOException {
    server = new ChatServer(ChatServerConfig.builder()
        .bindAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build()).start();
    return server.localAddress();
  }

  @Test
  void theClientPrintsTheBooksLinesForEveryCommand() throws Exception {
    InetSocketAddress address = startServer();
    List<PrivateMessage> bobGot = new CopyOnWriteArrayList<>();
    ChatClient bob = ChatClient.open(ChatClientConfig.builder().server(address).build(),
        new ChatListener() {
          @Override
          public void onPrivateMessage(PrivateMessage message) {
            bobGot.add(message);
          }
        });
    bob.login("bob");
    bob.join("Weather");
    AtomicInteger status = new AtomicInteger(-1);
    Thread client = run(new ChatClientCommand(new PipedInputStream(keyboard)), status,
        "127.0.0.1", Integer.toString(address.getPort()));

    awaitOut("Your nickname: ");
    type("two words");
    await().atMost(WAIT).until(() -> err.toString().contains("Invalid nickname."));
    type("bob");
    awaitOut("\t** ERROR: nickname already in use **\n");
    type("lincoln");
    awaitOut("\tLog in successful.  Welcome lincoln.\n");
    type("/channels");
    awaitOut("\t[Pets]               For our furry and feathered friends        0 users\n");
    type("/join weather");
    awaitOut("\tWelcome to the Weather Channel (2 users)\n");
    bob.sendPublic("it is raining");
    awaitOut("\tbob [Weather]: it is raining\n");
    type("nice weather for ducks");
    awaitOut("\tlincoln [Weather]: nice weather for ducks\n");
    type("/users");
    awaitOut("\tlincoln         (on 00:00:");
    await().atMost(WAIT).untilAsserted(() -> assertThat(out.toString())
        .containsPattern("\tbob {13}\\(on \\d\\d:\\d\\d:\\d\\d\\) Channels: Weather\n"));
    type("/private bob see you at the pond");
    await().atMost(WAIT).until(() -> bobGot.contains(
        new PrivateMessage("lincoln", "see you at the pond")));
    bob.sendPrivate("lincoln", "quack");
    awaitOut("\tbob [**private**]: quack\n");
    bob.join("Pets");
    type("/join Pets");
    awaitOut("\tWelcome to the Pets Channel (2 users)\n");
    bob.part("Pets");
    awaitOut("\t<bob has left Pets>\n");
    type("/part");
    awaitOut("\tYou have left the Pets Channel\n\tWelcome to the Weather Channel (2 users)\n");
    type("/join Knitting");
    awaitOut("\t** ERROR: no channel named Knitting **\n");
    type("/bogus");
    await().atMost(WAIT).until(() -> err.toString().contains("bogus: unknown command"));
    type("/help");
    awaitOut("/private NICK TEXT");
    type("/quit");

    client.join(WAIT.toMillis());
    assertThat(client.isAlive()).isFalse();
    assertThat(status).hasValue(0);
    assertThat(err.toString()).contains("trying to log in (1)...");
    await().atMost(WAIT).until(() -> server.stats().users() == 1);
    bob.close();
  }

  @Test
  void theClientGivesUpWhenTheInputEndsBeforeLogin() throws Exception {
    InetSocketAddress address = startServer();
    AtomicInteger status = new AtomicInteger(-1);
    Thread client = run(new ChatClientCommand(new PipedInputStream(keyboard)), status,
        "127.0.0.1", Integer.toString(address.getPort()));

    keyboard.close();

    client.join(WAIT.toMillis());
    assertThat(status).hasValue(1);
    assertThat(err.toString()).contains("Can't log in.");
  }

  @Test
  void theServerOptionsBecomeItsConfiguration(@TempDir Path dir) throws Exception {
    Path channels = Files.writeString(dir.resolve("channels.conf"),
        ChannelConfigFile.format(List.of(ChannelDefinition.of("Chess", "Kings and queens"))));
    ChatServerCommand command = new ChatServerCommand();
    new CommandLine(command).parseArgs("2099", "--bind", "127.0.0.1", "--channels",
        channels.toString(), "--auto-logout", "2m", "--check-interval", "500ms",
        "--max-users", "7", "--max-channels-per-user", "3", "--log-datagrams");

    ChatServerConfig config = command.config();

    assertThat(config.bindAddress()).isEqualTo(new InetSocketAddress("127.0.0.1", 2099));
    assertThat(config.channels()).extracting(ChannelDefinition::title).containsExactly("Chess");
    assertThat(config.autoLogout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.checkInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.maxUsers()).isEqualTo(7);
    assertThat(config.maxChannelsPerUser()).isEqualTo(3);
    assertThat(config.logDatagrams()).isTrue();
    ChatServerConfig defaults = new ChatServerCommand().config();
    assertThat(defaults.bindAddress())
        .isEqualTo(new InetSocketAddress(InetAddress.getLoopbackAddress(), 2027));
    assertThat(defaults.logDatagrams()).isFalse();
    assertThat(defaults.channels()).isEqualTo(ChannelDefinition.defaults());
  }

  @Test
  void theServerProgramServesUntilStopped() throws Exception {
    ChatServerCommand command = new ChatServerCommand();
    AtomicInteger status = new AtomicInteger(-1);
    Thread program = run(command, status, "0");
    await().atMost(WAIT).untilAsserted(() -> assertThat(out.toString())
        .containsPattern("chat-server: listening on 127\\.0\\.0\\.1:\\d+\n"));
    int port = Integer.parseInt(out.toString().replaceAll("(?s).*:(\\d+)\n.*", "$1"));
    try (ChatClient alice = ChatClient.open(ChatClientConfig.builder().server(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), port)).build(),
        new ChatListener() { })) {
      assertThat(alice.login("alice")).isEqualTo("alice");
    }

    command.untilStopped.stop();

    program.join(WAIT.toMillis());
    assertThat(status).hasValue(0);
  }

  @Test
  void broadcastEchoPrintsTheSizeAndSenderOfEveryAnswer() throws Exception {
    try (DatagramChannel echo = DatagramChannel.open()
        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      Thread responder = new Thread(() -> {
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        try {
          for (int i = 0; i < 2; i++) {
            buffer.clear();
            var from = echo.receive(buffer);
            echo.send(buffer.flip(), from);
          }
        } catch (IOException e) {
          // closed by the test
        }
      });
      responder.start();
      int port = ((InetSocketAddress) echo.getLocalAddress()).getPort();
      AtomicInteger status = new AtomicInteger(-1);
      Thread program = run(new BroadcastEchoCommand(new PipedInputStream(keyboard)), status,
          "127.0.0.1", Integer.toString(port), "--linger", "100ms");

      type("hi there");
      awaitOut("received 9 bytes from 127.0.0.1:" + port + "\n");
      type("this works");
      awaitOut("received 11 bytes from 127.0.0.1:" + port + "\n");
      keyboard.close();

      program.join(WAIT.toMillis());
      assertThat(status).hasValue(0);
      responder.join(WAIT.toMillis());
    }
  }
}
