package dev.netkit.bench;

import dev.netkit.urgent.UrgentSocket;
import dev.netkit.urgent.UrgentWatcher;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Urgent-data benchmark on loopback (a main, not JMH: it measures one-shot latencies):
 * <ol>
 *   <li>notification latency, from {@code sendUrgent} to the {@link UrgentWatcher}'s callback,
 *       idle and while another thread streams normal data on the same connection at full speed
 *       (with a reader draining it); baseline: a blocking {@code read} woken by a 1-byte write on
 *       an idle connection, measured in the same run;</li>
 *   <li>the cost of {@link UrgentSocket#atMark()} per call; baseline: the JDK's
 *       {@code InputStream.available()}, also one ioctl through JNI.</li>
 * </ol>
 * Prints medians and 90th percentiles. Every phase is bounded in samples and time.
 *
 * <pre>java [--enable-native-access=ALL-UNNAMED] -cp benchmarks/target/netkit-benchmarks.jar \
 *     dev.netkit.bench.UrgentLatencyBench</pre>
 */
public final class UrgentLatencyBench {

  private static final int WARMUP = 500;
  private static final int SAMPLES = 2000;
  private static final int LOADED_SAMPLES = 500;
  private static final long PHASE_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(20);
  private static final int AT_MARK_ROUNDS = 15;
  private static final int AT_MARK_CALLS = 100_000;
  private static final int STREAM_CHUNK = 64 * 1024;

  private UrgentLatencyBench() {
  }

  /**
   * Runs the benchmark and prints the results.
   *
   * @param args ignored
   * @throws Exception when loopback fails
   */
  public static void main(String[] args) throws Exception {
    System.out.println("urgent data on loopback, Java " + Runtime.version());
    double[] baseline = inBandWakeUp();
    report("baseline: blocking read woken by a 1-byte write", baseline, null);
    report("urgent notification, idle", urgentLatency(false), baseline);
    report("urgent notification, under load", urgentLatency(true), baseline);
    double[] available = perCall(false);
    report("baseline: InputStream.available() per call", available, null);
    report("atMark() per call", perCall(true), available);
  }

  /** Microseconds from a write to the wake-up of a reader blocked on the other end. */
  private static double[] inBandWakeUp() throws Exception {
    try (Pair pair = new Pair()) {
      AtomicLong woken = new AtomicLong();
      Thread reader = daemon("baseline-reader", () -> {
        InputStream in = pair.server.getInputStream();
        while (in.read() >= 0) {
          woken.set(System.nanoTime());
        }
      });
      reader.start();
      OutputStream out = pair.client.getOutputStream();
      return measure(WARMUP + SAMPLES, woken, () -> out.write('x'));
    }
  }

  /** Microseconds from sendUrgent to the watcher's callback. */
  private static double[] urgentLatency(boolean loaded) throws Exception {
    try (Pair pair = new Pair()) {
      UrgentSocket sender = UrgentSocket.of(pair.client);
      UrgentSocket receiver = UrgentSocket.of(pair.server);
      AtomicLong notified = new AtomicLong();
      AtomicLong drained = new AtomicLong();
      try (UrgentWatcher watcher = receiver.watch(read -> notified.set(System.nanoTime()))) {
        Thread drain = daemon("drain", () -> {
          byte[] buffer = new byte[STREAM_CHUNK];
          for (int n; (n = receiver.read(buffer, 0, buffer.length)) >= 0; ) {
            drained.addAndGet(n);
          }
        });
        drain.start();
        if (loaded) {
          daemon("stream", () -> {
            OutputStream out = pair.client.getOutputStream();
            byte[] chunk = new byte[STREAM_CHUNK];
            while (!pair.client.isClosed()) {
              out.write(chunk);
            }
          }).start();
        }
        int samples = loaded ? LOADED_SAMPLES : SAMPLES;
        long start = System.nanoTime();
        double[] micros = measure(WARMUP + samples, notified, () -> sender.sendUrgent((byte) '!'));
        if (loaded) {
          System.out.printf(Locale.ROOT, "  (normal data streamed meanwhile: %.0f MB/s)%n",
              drained.get() * 1e3 / (System.nanoTime() - start));
        }
        return micros;
      }
    }
  }

  /** Nanoseconds per call of atMark() or of the JDK's available(), one value per round. */
  private static double[] perCall(boolean atMark) throws Exception {
    try (Pair pair = new Pair()) {
      UrgentSocket urgent = UrgentSocket.of(pair.server);
      InputStream in = pair.server.getInputStream();
      double[] rounds = new double[AT_MARK_ROUNDS];
      long sink = 0;
      for (int round = -3; round < AT_MARK_ROUNDS; round++) {
        long start = System.nanoTime();
        for (int i = 0; i < AT_MARK_CALLS; i++) {
          sink += atMark ? (urgent.atMark() ? 1 : 0) : in.available();
        }
        if (round >= 0) {
          rounds[round] = (System.nanoTime() - start) / (double) AT_MARK_CALLS;
        }
      }
      if (sink != 0) {
        throw new IllegalStateException("nothing was sent, yet " + sink);
      }
      return rounds;
    }
  }

  private interface Action {
    void run() throws IOException;
  }

  /**
   * Runs {@code action} {@code count} times, each time waiting until {@code stamp} changes, and
   * returns the microseconds from before the action to the new stamp (after the warm-up).
   */
  private static double[] measure(int count, AtomicLong stamp, Action action) throws IOException {
    double[] micros = new double[count];
    long phaseEnd = System.nanoTime() + PHASE_LIMIT_NANOS;
    int done = 0;
    for (; done < count && System.nanoTime() < phaseEnd; done++) {
      long before = stamp.get();
      long start = System.nanoTime();
      action.run();
      while (stamp.get() == before) {
        if (System.nanoTime() > phaseEnd) {
          throw new IllegalStateException("no notification within the phase limit");
        }
        LockSupport.parkNanos(2_000);
      }
      micros[done] = (stamp.get() - start) / 1000.0;
    }
    int warmup = Math.min(WARMUP, done / 2);
    return Arrays.copyOfRange(micros, warmup, done);
  }

  private static void report(String what, double[] values, double[] baseline) {
    double median = percentile(values, 0.5);
    String unit = what.contains("per call") ? "ns" : "us";
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
        "%-50s median %9.2f %s   p90 %9.2f %s   (n=%d)", what, median, unit,
        percentile(values, 0.9), unit, values.length));
    if (baseline != null) {
      line.append(String.format(Locale.ROOT, "   ratio to baseline %.2f",
          median / percentile(baseline, 0.5)));
    }
    System.out.println(line);
  }

  private static double percentile(double[] values, double fraction) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))];
  }

  private interface Body {
    void run() throws Exception;
  }

  private static Thread daemon(String name, Body body) {
    Thread thread = new Thread(() -> {
      try {
        body.run();
      } catch (Exception e) {
        // The pair was closed at the end of the phase.
      }
    }, name);
    thread.setDaemon(true);
    return thread;
  }

  /** A connected loopback pair. */
  private static final class Pair implements AutoCloseable {
    final Socket client;
    final Socket server;

    Pair() throws IOException {
      try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
        server = listener.accept();
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
      }
    }

    @Override
    public void close() throws IOException {
      try (client; server) {
        // closes both
      }
    }
  }
}
