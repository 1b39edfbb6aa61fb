package dev.netkit.cli.unix;

import dev.netkit.cli.support.DurationConverter;
import dev.netkit.cli.support.Startup;
import dev.netkit.cli.support.UntilStopped;
import dev.netkit.server.StreamServerConfig;
import dev.netkit.unix.UnixStreamServerConfig;
import dev.netkit.unix.wrap.TextFiller;
import dev.netkit.unix.wrap.WrapServer;
import dev.netkit.unix.wrap.WrapServerConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wrap-server [--path PATH] [--columns N] [--mode OCTAL]}: the book's wrap server.
 */
@Command(mixinStandardHelpOptions = true,
    footer = "%nClients send text and half-close; each gets it back refilled to narrow"
        + " paragraphs (Text::Wrap fill). Runs until Ctrl-C, which removes the socket file.")
public final class WrapServerCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--path", paramLabel = "PATH", description = "Socket path (default: "
      + "${DEFAULT-VALUE}).")
  private Path path = WrapServerConfig.DEFAULT_PATH;

  @Option(names = "--columns", paramLabel = "N", description = "Text::Wrap's $columns: lines hold"
      + " at most N-1 characters (default: ${DEFAULT-VALUE}).")
  private int columns = TextFiller.DEFAULT_COLUMNS;

  @Option(names = "--max-word", paramLabel = "BYTES", description = "Longest word accepted "
      + "(default: ${DEFAULT-VALUE}).")
  private int maxWordBytes = TextFiller.DEFAULT_MAX_WORD_BYTES;

  @Option(names = "--max-clients", paramLabel = "N", description = "Clients served at once "
      + "(default: ${DEFAULT-VALUE}).")
  private int maxClients = StreamServerConfig.DEFAULT_MAX_CONNECTIONS;

  @Option(names = "--idle-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Drop a client silent for this long (default: ${DEFAULT-VALUE}).")
  private Duration idleTimeout = StreamServerConfig.DEFAULT_IDLE_TIMEOUT;

  @Mixin
  private SocketOptions socket = new SocketOptions();

  final UntilStopped untilStopped = new UntilStopped();

  @Override
  public Integer call() throws Exception {
    UnixStreamServerConfig unix = UnixStreamServerConfig.builder(path)
        .socketFile(socket.socketFile(path))
        .connections(StreamServerConfig.builder()
            .name(WrapServerConfig.DEFAULT_NAME)
            .maxConnections(maxClients)
            .idleTimeout(idleTimeout)
            .build())
        .build();
    WrapServerConfig config = WrapServerConfig.builder()
        .columns(columns)
        .maxWordBytes(maxWordBytes)
        .server(unix)
        .build();
    WrapServer server = Startup.listen(path, () -> new WrapServer(config).start());
    PrintWriter err = spec.commandLine().getErr();
    err.println("wrap-server: listening on " + server.path() + " (" + socket.describe() + ", "
        + columns + " columns); Ctrl-C stops");
    err.flush();
    untilStopped.await(server);
    return 0;
  }
}
