package dev.netkit.cli.unix;

import dev.netkit.cli.support.DurationConverter;
import dev.netkit.unix.FileModes;
import dev.netkit.unix.localtime.LocaltimeClient;
import dev.netkit.unix.localtime.LocaltimeServerConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code localtime-client [--path PATH] [ZONE]}: the book's UNIX-domain daytime client. */
@Command(mixinStandardHelpOptions = true,
    footer = "%nBinds a temporary socket of its own (always removed), asks the server and prints"
        + " its answer; gives up after the timeout.")
public final class LocaltimeClientCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--path", paramLabel = "PATH", description = "The server's socket path "
      + "(default: ${DEFAULT-VALUE}).")
  private Path path = LocaltimeServerConfig.DEFAULT_PATH;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "How long to wait for the answer (default: ${DEFAULT-VALUE}).")
  private Duration timeout = LocaltimeClient.DEFAULT_TIMEOUT;

  @Option(names = "--mode", paramLabel = "OCTAL", defaultValue = "0600", description = "Mode of "
      + "the client's own socket file; the server needs write access to answer (default: "
      + "${DEFAULT-VALUE}).")
  private String mode;

  @Option(names = "--tmpdir", paramLabel = "DIR", description = "Where the client's socket file "
      + "goes (default: ${DEFAULT-VALUE}).")
  private Path temporaryDirectory = Path.of(System.getProperty("java.io.tmpdir"));

  @Parameters(index = "0", arity = "0..1", paramLabel = "ZONE",
      description = "A time-zone name such as Europe/Warsaw (default: the server's local time).")
  private String zone;

  @Override
  public Integer call() throws IOException {
    String answer = new LocaltimeClient(path, timeout, temporaryDirectory, FileModes.parse(mode))
        .ask(zone);
    spec.commandLine().getOut().println(answer);
    return 0;
  }
}
