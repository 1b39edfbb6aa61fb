package dev.netkit.cli.chat;

import dev.netkit.chat.broadcast.ServerDiscovery;
import dev.netkit.chat.client.ChatClient;
import dev.netkit.chat.client.ChatClientConfig;
import dev.netkit.chat.client.ChatDisplay;
import dev.netkit.chat.server.ChatServerConfig;
import dev.netkit.cli.support.DurationConverter;
import dev.netkit.cli.support.Startup;
import dev.netkit.cli.support.StartupException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code chat-client [server] [port]}: the book's chat client. Without a server it finds one by
 * broadcast (figure 20.4). Asks for a nickname, logs in, then reads slash commands and public
 * messages from standard input; server events are printed with the book's lines.
 */
@Command(name = "chat-client", mixinStandardHelpOptions = true,
    description = "the UDP chat client; finds a server by broadcast (ch. 19-20)",
    footer = {"%nCommands: /channels /join TITLE /part [TITLE] /users /public TEXT",
        "/private NICK TEXT /login /quit /help; any other line is a public message."})
public final class ChatClientCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "SERVER",
      description = "Chat server host (default: find one by broadcast).")
  String server;

  @Parameters(index = "1", arity = "0..1", paramLabel = "PORT",
      description = "Chat server port (default: ${DEFAULT-VALUE}).")
  int port = ChatServerConfig.DEFAULT_PORT;

  @Option(names = "--discovery-timeout", paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "How long to wait for a server to answer the broadcast "
          + "(default: ${DEFAULT-VALUE}).")
  Duration discoveryTimeout = ServerDiscovery.DEFAULT_TIMEOUT;

  @Mixin
  ChatClientOptions options = new ChatClientOptions();

  @Spec
  CommandSpec spec;

  private final InputStream stdin;
  private BufferedReader in;
  private PrintWriter out;
  private PrintWriter err;

  /** Creates the command reading standard input. */
  public ChatClientCommand() {
    this(System.in);
  }

  /**
   * Creates the command reading another input (for tests).
   *
   * @param stdin the user's input
   */
  ChatClientCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() throws Exception {
    in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
    out = spec.commandLine().getOut();
    err = new PrintWriter(spec.commandLine().getErr(), true);
    Optional<InetSocketAddress> address = serverAddress();
    if (address.isEmpty()) {
      err.println("Couldn't find a server");
      return 1;
    }
    ChatClientConfig config =
        options.apply(ChatClientConfig.builder().server(address.get())).build();
    try (ChatClient client = ChatClient.open(config, new ChatDisplay(out, err))) {
      return options.console(in, out, err).run(client);
    }
  }

  private Optional<InetSocketAddress> serverAddress()
      throws IOException, InterruptedException, StartupException {
    if (server != null) {
      return Optional.of(Startup.resolve(server, port));
    }
    Optional<InetSocketAddress> found = new ServerDiscovery(port, discoveryTimeout)
        .find(address -> err.println("Broadcasting for a server on "
            + address.getHostAddress()));
    found.ifPresent(at -> err.println("Found a server at " + at.getAddress().getHostAddress()));
    return found;
  }
}
