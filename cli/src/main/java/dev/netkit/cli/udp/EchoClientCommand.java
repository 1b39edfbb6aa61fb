package dev.netkit.cli.udp;

import dev.netkit.cli.support.DurationConverter;
import dev.netkit.cli.support.Startup;
import dev.netkit.udp.EchoClient;
import dev.netkit.udp.EchoClientConfig;
import dev.netkit.udp.RequestGivenUpException;
import dev.netkit.udp.ReverseEchoServer;
import dev.netkit.udp.RtoConfig;
import dev.netkit.udp.SequencedClient;
import dev.netkit.udp.SequencedClientConfig;
import dev.netkit.udp.SequencedClientListener;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code echo-client [host] [port] [--timeout 2s] [--tries 5] [--sequenced]}: sends each line of
 * stdin and prints the replies (book figures 18.6 and 18.7).
 */
@Command(mixinStandardHelpOptions = true,
    footer = {"", "Plain: prints each reply; stops with status 1 when a line gets no reply.",
        "--sequenced: prints `request => reply` per answer; `N: retrying...`, `Discarding "
            + "duplicate message seqno = N` and `N: too many retries. Giving up.` go to stderr. "
            + "Exits when stdin ends and nothing is pending: status 0, or 1 if any request was "
            + "given up."})
public final class EchoClientCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "HOST",
      description = "Server host (default: ${DEFAULT-VALUE}).")
  private String host = "localhost";

  @Parameters(index = "1", arity = "0..1", paramLabel = "PORT",
      description = "Server port (default: ${DEFAULT-VALUE}).")
  private int port = ReverseEchoServer.DEFAULT_PORT;

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Wait for a reply (default: ${DEFAULT-VALUE}); with --sequenced the initial "
          + "retransmission timeout, which then adapts.")
  private Duration timeout = EchoClientConfig.DEFAULT_TIMEOUT;

  @Option(names = "--tries", paramLabel = "N",
      description = "Sends of a request before giving up (default: ${DEFAULT-VALUE}).")
  private int tries = EchoClientConfig.DEFAULT_TRIES;

  @Option(names = "--sequenced",
      description = "Number requests (`N: line`), keep many in flight, match replies by number.")
  private boolean sequenced;

  InputStream stdin = System.in;

  @Override
  public Integer call() throws Exception {
    InetSocketAddress server = Startup.resolve(host, port);
    BufferedReader lines = new BufferedReader(new InputStreamReader(stdin,
        StandardCharsets.UTF_8));
    return sequenced ? sequenced(server, lines) : plain(server, lines);
  }

  private int plain(InetSocketAddress server, BufferedReader lines) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    EchoClientConfig config = EchoClientConfig.builder().timeout(timeout).tries(tries).build();
    try (EchoClient client = EchoClient.open(server, config)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        out.println(client.request(line));
        out.flush();
      }
    }
    return 0;
  }

  private int sequenced(InetSocketAddress server, BufferedReader lines) throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    AtomicInteger givenUp = new AtomicInteger();
    SequencedClientConfig config = SequencedClientConfig.builder().maxTries(tries)
        .rto(RtoConfig.builder().initial(timeout).build()).build();
    List<CompletableFuture<?>> requests = new ArrayList<>();
    try (SequencedClient client = SequencedClient.open(server, config, new BookMessages(err))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String request = line;
        requests.add(client.request(request).handle((reply, error) -> {
          if (error == null) {
            println(out, request + " => " + reply);
          } else if (error instanceof RequestGivenUpException) {
            givenUp.incrementAndGet();
          } else {
            println(err, "echo-client: " + error);
          }
          return null;
        }));
      }
      CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).join();
    }
    return givenUp.get() == 0 ? 0 : 1;
  }

  private static void println(PrintWriter writer, String line) {
    synchronized (writer) {
      writer.println(line);
      writer.flush();
    }
  }

  /** The book's warnings, on stderr. */
  private static final class BookMessages implements SequencedClientListener {
    private final PrintWriter err;

    BookMessages(PrintWriter err) {
      this.err = err;
    }

    @Override
    public void retrying(long sequence, int tries) {
      println(err, sequence + ": retrying...");
    }

    @Override
    public void duplicate(long sequence) {
      println(err, "Discarding duplicate message seqno = " + sequence);
    }

    @Override
    public void outOfOrder(long sequence) {
      println(err, "Out of order message seqno = " + sequence);
    }

    @Override
    public void malformed(String text) {
      println(err, "Couldn't parse message: " + text);
    }

    @Override
    public void gaveUp(long sequence, int tries) {
      println(err, sequence + ": too many retries. Giving up.");
    }
  }
}
