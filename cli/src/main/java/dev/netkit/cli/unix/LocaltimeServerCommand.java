package dev.netkit.cli.unix;

import dev.netkit.cli.support.Startup;
import dev.netkit.cli.support.UntilStopped;
import dev.netkit.unix.localtime.LocaltimeServer;
import dev.netkit.unix.localtime.LocaltimeServerConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code localtime-server [--path PATH] [--mode OCTAL]}: the book's UNIX-domain daytime server.
 */
@Command(mixinStandardHelpOptions = true,
    footer = "%nAnswers each datagram naming a time zone (e.g. Europe/Warsaw) with the time"
        + " there, anything else with the local time. Runs until Ctrl-C, which removes the"
        + " socket file.")
public final class LocaltimeServerCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--path", paramLabel = "PATH", description = "Socket path (default: "
      + "${DEFAULT-VALUE}).")
  private Path path = LocaltimeServerConfig.DEFAULT_PATH;

  @Mixin
  private SocketOptions socket = new SocketOptions();

  final UntilStopped untilStopped = new UntilStopped();

  @Override
  public Integer call() throws Exception {
    LocaltimeServerConfig config = LocaltimeServerConfig.builder()
        .socketFile(socket.socketFile(path))
        .build();
    LocaltimeServer server = Startup.listen(path, () -> new LocaltimeServer(config).start());
    PrintWriter err = spec.commandLine().getErr();
    err.println("localtime-server: listening on " + server.path() + " (" + socket.describe()
        + "); Ctrl-C stops");
    err.flush();
    untilStopped.await(server);
    return 0;
  }
}
