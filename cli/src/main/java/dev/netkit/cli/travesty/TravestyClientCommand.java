package dev.netkit.cli.travesty;

import dev.netkit.cli.support.Startup;
import dev.netkit.codec.travesty.TravestyProtocol;
import dev.netkit.jni.internal.SignalTrap;
import dev.netkit.jni.internal.SignalTrap.Signal;
import dev.netkit.travesty.client.TravestyClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code travesty-client [host] [port]}: the book's figure 17.7, a thin CLI around
 * {@link TravestyClient} and {@link ClientShell}. Commands are read from the terminal or from
 * piped standard input. Ctrl-C ({@code SIGINT}, trapped with netkit's {@link SignalTrap} as in
 * {@code urgent-send}) aborts an upload or a generation with urgent data; twice with no command
 * in between, it quits.
 */
@Command(mixinStandardHelpOptions = true,
    footer = {"%nCommands: analyze FILE, generate N, reset, bye (or goodbye, quit).",
        "Ctrl-C aborts an upload or a generation with TCP urgent data; press it twice to quit."})
public final class TravestyClientCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", defaultValue = "localhost", paramLabel = "HOST",
      description = "Host of the server (default: ${DEFAULT-VALUE}).")
  private String host;

  @Parameters(index = "1", arity = "0..1", paramLabel = "PORT",
      description = "Port of the server (default: ${DEFAULT-VALUE}).")
  private int port = TravestyProtocol.DEFAULT_PORT;

  @Option(names = "--no-signals", hidden = true,
      description = "Do not trap Ctrl-C (for tests that run the client in their own JVM).")
  private boolean noSignals;

  /** Where commands come from; tests replace it. */
  InputStream commands = System.in;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    InetSocketAddress server = Startup.resolve(host, port);
    TravestyClient client = Startup.connect(server, () -> TravestyClient.connect(server));
    try (client; SignalTrap trap = noSignals ? null : SignalTrap.install(Signal.INT)) {
      ClientShell shell = new ClientShell(client, out, System.console() != null);
      if (trap != null) {
        Thread signals = new Thread(() -> forwardInterrupts(trap, shell, err),
            "travesty-client-signals");
        signals.setDaemon(true);
        signals.start();
      }
      shell.readCommandsFrom(new BufferedReader(
          new InputStreamReader(commands, StandardCharsets.UTF_8)));
      return shell.run();
    }
  }

  private static void forwardInterrupts(SignalTrap trap, ClientShell shell, PrintWriter err) {
    try {
      for (Optional<Signal> signal; (signal = trap.await()).isPresent(); ) {
        shell.interrupt();
      }
    } catch (IOException e) {
      err.println("travesty-client: " + e.getMessage());
    }
  }
}
