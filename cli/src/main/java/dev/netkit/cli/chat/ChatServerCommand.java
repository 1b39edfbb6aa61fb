package dev.netkit.cli.chat;

import dev.netkit.chat.server.ChatServer;
import dev.netkit.chat.server.ChatServerConfig;
import dev.netkit.cli.support.HostPortConverter;
import dev.netkit.cli.support.Startup;
import dev.netkit.cli.support.UntilStopped;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code chat-server [port] [options]}: the book's chat server ({@code chat_server.pl} with
 * auto-logout) until Ctrl-C, on loopback unless given {@code --bind}. Prints where it listens;
 * logs go to standard error.
 */
@Command(name = "chat-server", mixinStandardHelpOptions = true,
    description = "the UDP chat server: channels, private messages, keep-alive (ch. 19)",
    footer = "%nClients that find the server by broadcast (chat-client without SERVER) need "
        + "--bind 0.0.0.0. Runs until Ctrl-C.")
public final class ChatServerCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "PORT",
      description = "UDP port (default: ${DEFAULT-VALUE}).")
  int port = ChatServerConfig.DEFAULT_PORT;

  @Mixin
  ChatServerOptions options = new ChatServerOptions();

  final UntilStopped untilStopped = new UntilStopped();

  @Spec
  CommandSpec spec;

  /**
   * Builds the server configuration from the options.
   *
   * @return the configuration
   * @throws IOException if the channel file cannot be read
   */
  ChatServerConfig config() throws IOException {
    return options.builder(port).build();
  }

  @Override
  public Integer call() throws Exception {
    ChatServerConfig config = config();
    ChatServer server =
        Startup.listen(config.bindAddress(), () -> new ChatServer(config).start());
    PrintWriter out = spec.commandLine().getOut();
    out.println("chat-server: listening on " + HostPortConverter.format(server.localAddress()));
    out.flush();
    untilStopped.await(server);
    return 0;
  }
}
