package dev.netkit.cli.urgent;

import dev.netkit.cli.support.BindOption;
import dev.netkit.cli.support.HostPortConverter;
import dev.netkit.cli.support.Startup;
import dev.netkit.urgent.UrgentPollLoop;
import dev.netkit.urgent.UrgentRead;
import dev.netkit.urgent.UrgentSocket;
import dev.netkit.urgent.UrgentWatcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code urgent-recv}: the book's figures 17.3 ({@code urg_recv.pl}, a {@code SIGURG} handler;
 * here an {@link UrgentWatcher}) and 17.4 ({@code urg_recv3.pl}, a {@code select} loop; here
 * {@link UrgentPollLoop}, with {@code --select}). Accepts one connection and prints what arrives.
 */
@Command(name = "urgent-recv", mixinStandardHelpOptions = true,
    footer = {"%nPairs with urgent-send, or the book's urg_send.pl."})
public final class UrgentRecvCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(UrgentRecvCommand.class);

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", defaultValue = "" + UrgentSendCommand.DEFAULT_PORT,
      paramLabel = "PORT", description = "Port to listen on; 0 picks a free one "
          + "(default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(names = "--inline",
      description = "Keep urgent data inline (SO_OOBINLINE): the ! arrives with normal data.")
  private boolean inline;

  @Option(names = "--select",
      description = "Single-threaded poll loop (figure 17.4) instead of the watcher thread.")
  private boolean select;

  @Mixin
  private BindOption bind = new BindOption();

  private PrintWriter out;

  @Override
  public Integer call() throws Exception {
    out = spec.commandLine().getOut();
    InetSocketAddress address = bind.withPort(port);
    try (ServerSocket listener = Startup.listen(address, () -> listen(address))) {
      LOG.info("urgent-recv listening on {}",
          HostPortConverter.format((InetSocketAddress) listener.getLocalSocketAddress()));
      print("Listening on port " + listener.getLocalPort() + "...");
      try (Socket socket = listener.accept()) {
        UrgentSocket urgent = UrgentSocket.of(socket);
        urgent.setInline(inline);
        if (select) {
          new UrgentPollLoop(urgent, new Printer()).run();
        } else {
          receiveWithWatcher(urgent);
        }
      }
      return 0;
    }
  }

  /** Binds the one-connection listener the book's receiver has (backlog 1, address reuse). */
  private static ServerSocket listen(InetSocketAddress address) throws IOException {
    ServerSocket listener = new ServerSocket();
    try {
      listener.setReuseAddress(true);
      listener.bind(address, 1);
      return listener;
    } catch (IOException e) {
      listener.close();
      throw e;
    }
  }

  /** Figure 17.3: the watcher plays the SIGURG handler while this thread reads. */
  private void receiveWithWatcher(UrgentSocket urgent) throws IOException {
    Printer printer = new Printer();
    try (UrgentWatcher watcher = urgent.watch(printer::urgentData)) {
      byte[] buffer = new byte[UrgentPollLoop.DEFAULT_READ_BUFFER_BYTES];
      for (int n; (n = urgent.read(buffer, 0, buffer.length)) >= 0; ) {
        printer.normalData(buffer, n);
      }
    }
  }

  private final class Printer implements UrgentPollLoop.Handler {
    @Override
    public void normalData(byte[] buffer, int length) {
      print("got " + length + " bytes of normal data: "
          + new String(buffer, 0, length, StandardCharsets.UTF_8));
    }

    @Override
    public void urgentData(UrgentRead read) {
      if (read.isReceived()) {
        print("got 1 bytes of urgent data: "
            + new String(new byte[] {read.data()}, StandardCharsets.ISO_8859_1));
      } else {
        print("urgent data is inline (SO_OOBINLINE): it comes with the normal data");
      }
    }
  }

  private void print(String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
