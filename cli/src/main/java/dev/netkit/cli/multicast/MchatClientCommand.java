package dev.netkit.cli.multicast;

import dev.netkit.chat.client.ChatClientConfig;
import dev.netkit.chat.client.ChatDisplay;
import dev.netkit.chat.server.ChatServerConfig;
import dev.netkit.cli.chat.ChatClientOptions;
import dev.netkit.cli.support.Startup;
import dev.netkit.multicast.MulticastChatClient;
import dev.netkit.multicast.MulticastChatClientConfig;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mchat-client [server] [port] [mport]}: the multicast chat client (figures 21.9-21.10):
 * {@code chat-client}'s commands and display lines, with channel traffic received on the
 * channels' groups. Without MPORT it binds the port SET_MCAST_PORT announces; with MPORT it
 * binds that port and ignores SET_MCAST_PORT, like the book's client.
 */
@Command(name = "mchat-client", mixinStandardHelpOptions = true,
    description = "the chat client that listens on multicast groups (ch. 21)",
    footer = {"%nCommands: /channels /join TITLE /part [TITLE] /users /public TEXT",
        "/private NICK TEXT /login /quit /help; any other line is a public message."})
public final class MchatClientCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "SERVER",
      description = "Chat server host (default: ${DEFAULT-VALUE}).")
  String server = "localhost";

  @Parameters(index = "1", arity = "0..1", paramLabel = "PORT",
      description = "Chat server port (default: ${DEFAULT-VALUE}).")
  int port = ChatServerConfig.DEFAULT_PORT;

  @Parameters(index = "2", arity = "0..1", paramLabel = "MPORT",
      description = "Fixed multicast data port; SET_MCAST_PORT is then ignored "
          + "(default: the port the server announces).")
  Integer dataPort;

  @Option(names = "--iface", paramLabel = "NAME",
      description = "Interface to join groups on (default: the first multicast-capable one, "
          + "loopback last).")
  String joinInterface;

  @Mixin
  ChatClientOptions options = new ChatClientOptions();

  @Spec
  CommandSpec spec;

  private final InputStream stdin;

  /** Creates the command reading standard input. */
  public MchatClientCommand() {
    this(System.in);
  }

  /**
   * Creates the command reading another input (for tests).
   *
   * @param stdin the user's input
   */
  MchatClientCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = new PrintWriter(spec.commandLine().getErr(), true);
    MulticastChatClientConfig.Builder settings = MulticastChatClientConfig.builder()
        .joinInterface(joinInterface);
    if (dataPort != null) {
      settings.fixedPort(dataPort);
    }
    ChatClientConfig config = options.apply(ChatClientConfig.builder().server(
        Startup.resolve(server, port))).build();
    try (MulticastChatClient client = MulticastChatClient.open(config, new ChatDisplay(out, err),
        settings.build())) {
      return options.console(in, out, err).run(client.chatClient());
    }
  }
}
