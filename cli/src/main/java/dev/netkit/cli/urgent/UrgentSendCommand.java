package dev.netkit.cli.urgent;

import dev.netkit.cli.support.DurationConverter;
import dev.netkit.cli.support.Startup;
import dev.netkit.jni.internal.SignalTrap;
import dev.netkit.jni.internal.SignalTrap.Signal;
import dev.netkit.urgent.UrgentSocket;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code urgent-send}: the book's figure 17.2 ({@code urg_send.pl}). Sends {@code aa},
 * {@code ab}, … one per interval; Ctrl-C ({@code SIGINT}) sends one urgent byte {@code !};
 * Ctrl-\ ({@code SIGQUIT}) or the count ends it. Signals are trapped with netkit's
 * {@link SignalTrap}, since the JDK's {@code sun.misc.Signal} refuses {@code SIGQUIT}.
 */
@Command(name = "urgent-send", mixinStandardHelpOptions = true,
    footer = {"%nCtrl-C (SIGINT) sends one byte of urgent data, Ctrl-\\ (SIGQUIT) quits.",
        "Pairs with urgent-recv, or the book's urg_recv.pl / urg_recv3.pl."})
public final class UrgentSendCommand implements Callable<Integer> {

  /** The book's port for its urgent-data examples. */
  static final int DEFAULT_PORT = 2007;
  private static final byte URGENT_BYTE = '!';

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", defaultValue = "localhost", paramLabel = "HOST",
      description = "Host of the receiver (default: ${DEFAULT-VALUE}).")
  private String host;

  @Parameters(index = "1", arity = "0..1", defaultValue = "" + DEFAULT_PORT, paramLabel = "PORT",
      description = "Port of the receiver (default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(names = "--count", defaultValue = "30", paramLabel = "N",
      description = "Lines of normal data to send (default: ${DEFAULT-VALUE}).")
  private int count;

  @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Pause after each line (default: ${DEFAULT-VALUE}).")
  private Duration interval = Duration.ofSeconds(1);

  @Option(names = "--urgent-every", defaultValue = "0", paramLabel = "N",
      description = "Also send an urgent byte after every N-th line (default: only on Ctrl-C).")
  private int urgentEvery;

  private PrintWriter out;
  private UrgentSocket urgent;
  private final CountDownLatch quit = new CountDownLatch(1);

  @Override
  public Integer call() throws Exception {
    out = spec.commandLine().getOut();
    if (count < 0 || urgentEvery < 0) {
      throw new ParameterException(spec.commandLine(),
          "--count and --urgent-every must not be negative");
    }
    InetSocketAddress receiver = Startup.resolve(host, port);
    try (Socket socket = Startup.connect(receiver, () -> new Socket(receiver.getAddress(), port));
        SignalTrap trap = SignalTrap.install(Signal.INT, Signal.QUIT)) {
      urgent = UrgentSocket.of(socket);
      Thread signals = new Thread(() -> handleSignals(trap), "urgent-send-signals");
      signals.setDaemon(true);
      signals.start();
      sendLines(socket.getOutputStream());
      return 0;
    }
  }

  private void sendLines(OutputStream stream) throws IOException, InterruptedException {
    String data = "aa";
    for (int line = 1; line <= count; line++, data = PerlIncrement.next(data)) {
      print("sending " + data.length() + " bytes of normal data: " + data);
      stream.write(data.getBytes(StandardCharsets.US_ASCII));
      if (urgentEvery > 0 && line % urgentEvery == 0) {
        sendUrgent();
      }
      // Like the book's `1 until sleep 1`: Ctrl-C does not shorten the pause, Ctrl-\ ends it.
      if (line < count && quit.await(interval.toNanos(), TimeUnit.NANOSECONDS)) {
        return;
      }
    }
  }

  private void handleSignals(SignalTrap trap) {
    try {
      for (Optional<Signal> signal; (signal = trap.await()).isPresent(); ) {
        if (signal.get() == Signal.QUIT) {
          quit.countDown();
          return;
        }
        sendUrgent();
      }
    } catch (IOException e) {
      spec.commandLine().getErr().println("urgent-send: " + e);
      quit.countDown();
    }
  }

  private synchronized void sendUrgent() throws IOException {
    print("sending 1 byte of OOB data!");
    urgent.sendUrgent(URGENT_BYTE);
  }

  private void print(String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
