package dev.netkit.cli.unix;

import dev.netkit.cli.support.Startup;
import dev.netkit.cli.support.StartupException;
import dev.netkit.unix.UnixSockets;
import dev.netkit.unix.wrap.WrapClient;
import dev.netkit.unix.wrap.WrapServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.SequenceInputStream;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wrap-client [--path PATH] [FILE...]}: the book's wrap client. */
@Command(mixinStandardHelpOptions = true,
    footer = "%nSends the files (or standard input) to the wrap server, half-closes, and prints"
        + " the wrapped text.")
public final class WrapClientCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--path", paramLabel = "PATH", description = "The server's socket path "
      + "(default: ${DEFAULT-VALUE}).")
  private Path path = WrapServerConfig.DEFAULT_PATH;

  @Parameters(paramLabel = "FILE", arity = "0..*",
      description = "Text files to wrap, one after the other (default: standard input).")
  private List<Path> files = new ArrayList<>();

  /** Where the text comes from without files; a field so that tests can replace it. */
  InputStream stdin = System.in;

  /** Where the wrapped bytes go, unchanged; a field so that tests can replace it. */
  OutputStream stdout = System.out;

  @Override
  public Integer call() throws IOException, StartupException {
    PrintWriter err = spec.commandLine().getErr();
    List<InputStream> inputs = new ArrayList<>();
    try (SocketChannel channel = Startup.connect(path, () -> UnixSockets.connect(path))) {
      err.println("Connected to " + path + "...");
      err.flush();
      for (Path file : files) {
        inputs.add(Files.newInputStream(file));
      }
      InputStream text = files.isEmpty() ? stdin
          : new SequenceInputStream(Collections.enumeration(inputs));
      WrapClient.exchange(channel, text, stdout);
      return 0;
    } finally {
      for (InputStream input : inputs) {
        input.close();
      }
    }
  }
}
