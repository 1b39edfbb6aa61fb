package dev.netkit.cli.chat;

import dev.netkit.chat.ChannelConfigFile;
import dev.netkit.chat.Nicknames;
import dev.netkit.chat.server.ChatServer;
import dev.netkit.chat.server.ChatServerConfig;
import dev.netkit.cli.udp.DurationConverter;
import dev.netkit.cli.udp.HostPortConverter;
import dev.netkit.cli.udp.UntilStopped;
import dev.netkit.codec.chat.ChatFrameCodec;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code chat-server [port] [options]}: the book's chat server ({@code chat_server.pl} with
 * auto-logout) until Ctrl-C. Prints where it listens; logs go to standard error.
 */
@Command(name = "chat-server", mixinStandardHelpOptions = true,
    description = "the UDP chat server: channels, private messages, keep-alive (ch. 19)")
public final class ChatServerCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "PORT",
      description = "UDP port (default: ${DEFAULT-VALUE}).")
  int port = ChatServerConfig.DEFAULT_PORT;

  @Option(names = "--bind", paramLabel = "ADDRESS",
      description = "Local address to listen on (default: all; discovery needs all).")
  InetAddress bind;

  @Option(names = "--channels", paramLabel = "FILE",
      description = "Channel file: lines TITLE GROUP|- DESCRIPTION (default: the book's five).")
  Path channels;

  @Option(names = "--auto-logout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Log out users silent this long (default: 120s).")
  Duration autoLogout = ChatServerConfig.DEFAULT_AUTO_LOGOUT;

  @Option(names = "--check-interval", paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "How often to look for silent users (default: 30s).")
  Duration checkInterval = ChatServerConfig.DEFAULT_CHECK_INTERVAL;

  @Option(names = "--summary-interval", paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "How often to log the summary line (default: 1m).")
  Duration summaryInterval = ChatServerConfig.DEFAULT_SUMMARY_INTERVAL;

  @Option(names = "--max-users", paramLabel = "N",
      description = "Most logged-in users (default: ${DEFAULT-VALUE}).")
  int maxUsers = ChatServerConfig.DEFAULT_MAX_USERS;

  @Option(names = "--max-channels-per-user", paramLabel = "N",
      description = "Most channels one user may be in (default: ${DEFAULT-VALUE}).")
  int maxChannelsPerUser = ChatServerConfig.DEFAULT_MAX_CHANNELS_PER_USER;

  @Option(names = "--max-nickname-length", paramLabel = "N",
      description = "Longest nickname in characters (default: ${DEFAULT-VALUE}).")
  int maxNicknameLength = Nicknames.DEFAULT_MAX_LENGTH;

  @Option(names = "--max-datagram", paramLabel = "BYTES",
      description = "Largest datagram accepted or sent (default: ${DEFAULT-VALUE}).")
  int maxDatagram = ChatFrameCodec.DEFAULT_MAX_DATAGRAM_SIZE;

  @Option(names = {"-q", "--quiet"},
      description = "Log only the minute summary and problems, not every event.")
  boolean quiet;

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
    ChatServerConfig.Builder builder = ChatServerConfig.builder()
        .bindAddress(bind == null ? new InetSocketAddress(port) : new InetSocketAddress(bind, port))
        .autoLogout(autoLogout).checkInterval(checkInterval).summaryInterval(summaryInterval)
        .maxUsers(maxUsers).maxChannelsPerUser(maxChannelsPerUser)
        .maxNicknameLength(maxNicknameLength).maxDatagramSize(maxDatagram).quiet(quiet);
    if (channels != null) {
      builder.channels(ChannelConfigFile.read(channels));
    }
    return builder.build();
  }

  @Override
  public Integer call() throws Exception {
    ChatServer server = new ChatServer(config()).start();
    PrintWriter out = spec.commandLine().getOut();
    out.println("chat-server: listening on " + HostPortConverter.format(server.localAddress()));
    out.flush();
    untilStopped.await(server);
    return 0;
  }
}
