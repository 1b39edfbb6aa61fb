package dev.netkit.bench.unix;

import dev.netkit.bench.BenchOptions;
import dev.netkit.codec.text.DurationText;
import dev.netkit.corpus.Corpus;
import dev.netkit.server.Binder;
import dev.netkit.server.StreamServer;
import dev.netkit.server.StreamServerConfig;
import dev.netkit.unix.UnixSockets;
import dev.netkit.unix.UnixStreamServer;
import dev.netkit.unix.UnixStreamServerConfig;
import dev.netkit.unix.wrap.TextFiller;
import dev.netkit.unix.wrap.WrapClient;
import dev.netkit.unix.wrap.WrapHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The wrap server over UNIX-domain sockets against the very same server core ({@link StreamServer}
 * with {@link WrapHandler}) over TCP loopback, in one run: requests per second (many clients,
 * small texts, a connection per request as the book's client makes) and stream throughput (one
 * client sending a large text while reading the answer). Rounds alternate between the transports
 * and the median round counts; the last column is UNIX / TCP.
 *
 * <p>The text is {@link Corpus#bytes()}: the shipped sample text, or the file named by
 * {@code -Dnetkit.corpus=FILE}.
 *
 * <pre>
 * java [-Dnetkit.corpus=FILE] -cp benchmarks/target/netkit-benchmarks.jar \
 *     dev.netkit.bench.unix.WrapServerBench \
 *     [--duration 3s] [--rounds 3] [--clients 4] [--stream-mb 64]
 * </pre>
 */
public final class WrapServerBench {

  private static final String LOGBACK_CONFIGURATION = "logback.configurationFile";

  private WrapServerBench() {
  }

  /** A running wrap server and a way to connect to it. */
  private interface Transport extends AutoCloseable {
    SocketChannel connect() throws IOException;

    @Override
    void close();
  }

  /**
   * Runs the benchmark and prints the table.
   *
   * @param args {@code --duration D --rounds R --clients C --stream-mb M}
   * @throws Exception if a server cannot start
   */
  public static void main(String[] args) throws Exception {
    if (System.getProperty(LOGBACK_CONFIGURATION) == null) {
      System.setProperty(LOGBACK_CONFIGURATION, "dev/netkit/bench/unix/wrap-bench-logback.xml");
    }
    BenchOptions options = BenchOptions.parse(args, "duration", "rounds", "clients",
        "stream-mb");
    Duration duration = options.duration("duration", Duration.ofSeconds(3));
    int rounds = options.integer("rounds", 3);
    int clients = options.integer("clients", 4);
    int streamMegabytes = options.integer("stream-mb", 64);
    byte[] corpus = Corpus.bytes();
    byte[] request = Arrays.copyOf(corpus, 2048);
    byte[] stream = repeat(corpus, streamMegabytes * 1024 * 1024);
    Path dir = Files.createTempDirectory("wrap-bench");
    try (Transport unix = unix(dir.resolve("wrapserv"), clients);
        Transport tcp = tcp(clients)) {
      System.out.printf(Locale.ROOT, "wrap server, %d columns, %d clients, %s x %d rounds"
          + " (median), %d-byte requests, %d MB stream%n", TextFiller.DEFAULT_COLUMNS, clients,
          DurationText.format(duration), rounds, request.length, streamMegabytes);
      double[] requests = compare(unix, tcp, rounds, t -> requestsPerSecond(t, request, clients,
          duration));
      print("requests/s", requests);
      double[] throughput = compare(unix, tcp, rounds, t -> megabytesPerSecond(t, stream));
      print("stream MB/s", throughput);
    } finally {
      Files.deleteIfExists(dir);
    }
  }

  private interface Measure {
    double run(Transport transport) throws Exception;
  }

  /** Warms both up with one round each, then alternates; returns the medians {unix, tcp}. */
  private static double[] compare(Transport unix, Transport tcp, int rounds, Measure measure)
      throws Exception {
    measure.run(unix);
    measure.run(tcp);
    double[] a = new double[rounds];
    double[] b = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      a[i] = measure.run(unix);
      b[i] = measure.run(tcp);
    }
    return new double[] {median(a), median(b)};
  }

  private static void print(String what, double[] unixAndTcp) {
    System.out.printf(Locale.ROOT, "%-12s UNIX %10.1f   TCP %10.1f   UNIX/TCP %.2f%n", what,
        unixAndTcp[0], unixAndTcp[1], unixAndTcp[0] / unixAndTcp[1]);
  }

  /** Clients each connect, send the text, half-close and read the answer, again and again. */
  private static double requestsPerSecond(Transport transport, byte[] text, int clients,
      Duration duration) throws Exception {
    AtomicLong done = new AtomicLong();
    long deadline = System.nanoTime() + duration.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<CompletableFuture<Void>> running = new ArrayList<>();
      long start = System.nanoTime();
      for (int c = 0; c < clients; c++) {
        running.add(CompletableFuture.runAsync(() -> {
          ByteBuffer answer = ByteBuffer.allocate(64 * 1024);
          while (System.nanoTime() < deadline) {
            try (SocketChannel channel = transport.connect()) {
              ByteBuffer out = ByteBuffer.wrap(text);
              while (out.hasRemaining()) {
                channel.write(out);
              }
              channel.shutdownOutput();
              answer.clear();
              while (channel.read(answer) >= 0) {
                answer.clear();
              }
              done.incrementAndGet();
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        }, pool));
      }
      CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
      return done.get() / ((System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }

  /** One client sends the whole text while reading the answer: input megabytes per second. */
  private static double megabytesPerSecond(Transport transport, byte[] text) throws Exception {
    long start = System.nanoTime();
    try (SocketChannel channel = transport.connect()) {
      WrapClient.exchange(channel, new ByteArrayInputStream(text), OutputStream.nullOutputStream());
    }
    return text.length / 1e6 / ((System.nanoTime() - start) / 1e9);
  }

  private static Transport unix(Path path, int clients) throws IOException {
    UnixStreamServer server = new UnixStreamServer(UnixStreamServerConfig.builder(path)
        .connections(connections("wrap-bench-unix", clients)).build(), handler()).start();
    return new Transport() {
      @Override
      public SocketChannel connect() throws IOException {
        return UnixSockets.connect(path);
      }

      @Override
      public void close() {
        server.close();
      }
    };
  }

  private static Transport tcp(int clients) throws IOException {
    StreamServer server = new StreamServer(connections("wrap-bench-tcp", clients),
        Binder.to(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128), handler())
        .start();
    InetSocketAddress address = (InetSocketAddress) server.localAddress();
    return new Transport() {
      @Override
      public SocketChannel connect() throws IOException {
        return SocketChannel.open(address);
      }

      @Override
      public void close() {
        server.close();
      }
    };
  }

  private static WrapHandler handler() {
    return new WrapHandler(TextFiller.DEFAULT_COLUMNS, TextFiller.DEFAULT_MAX_WORD_BYTES);
  }

  private static StreamServerConfig connections(String name, int clients) {
    return StreamServerConfig.builder().name(name)
        .maxConnections(Math.max(StreamServerConfig.DEFAULT_MAX_CONNECTIONS, clients * 2))
        .build();
  }

  private static byte[] repeat(byte[] text, int length) {
    byte[] result = new byte[length];
    for (int offset = 0; offset < length; offset += text.length) {
      System.arraycopy(text, 0, result, offset, Math.min(text.length, length - offset));
    }
    return result;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
