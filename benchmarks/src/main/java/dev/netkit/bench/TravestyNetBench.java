package dev.netkit.bench;

import dev.netkit.corpus.Corpus;
import dev.netkit.travesty.Travesty;
import dev.netkit.travesty.client.GenerationResult;
import dev.netkit.travesty.client.TravestyClient;
import dev.netkit.travesty.client.UploadProgress;
import dev.netkit.travesty.server.TravestyServer;
import dev.netkit.travesty.server.TravestyServerConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The travesty server and client over loopback against the engine in process, in one run (a
 * main, not JMH: whole uploads and generations are the unit):
 * <ol>
 *   <li>upload: {@code TravestyClient.analyze} of about 20 MiB of English through the server;
 *       baseline: {@code Travesty.add} of the same bytes in process;</li>
 *   <li>generation: {@code TravestyClient.generate} of 2 million words; baseline:
 *       {@code Travesty.prettyLines} in process to a sink that encodes nothing;</li>
 *   <li>abort latency: from {@code abort()} during a 10-million-word generation to the return of
 *       {@code generate} (the client has discarded everything up to the server's urgent mark).</li>
 * </ol>
 * Prints medians of a few rounds, and the ratios. Every phase is bounded in rounds.
 *
 * <pre>java [--enable-native-access=ALL-UNNAMED] -cp benchmarks/target/netkit-benchmarks.jar \
 *     dev.netkit.bench.TravestyNetBench [FILE]</pre>
 */
public final class TravestyNetBench {

  private static final int ROUNDS = 5;
  private static final int ABORT_ROUNDS = 21;
  private static final long TARGET_BYTES = 20L << 20;
  private static final long GENERATE_WORDS = 2_000_000;

  private TravestyNetBench() {
  }

  /**
   * Runs the benchmark and prints the results.
   *
   * @param args optionally a text file (default: {@link Corpus#path()}, the shipped sample text
   *     or the file named by {@code -Dnetkit.corpus=FILE})
   * @throws Exception when loopback fails
   */
  public static void main(String[] args) throws Exception {
    Path corpus = Corpus.path(args.length > 0 ? Path.of(args[0]) : null);
    byte[] text = repeat(Files.readAllBytes(corpus));
    System.out.printf(Locale.ROOT, "travesty over loopback, Java %s, %d bytes of text%n",
        Runtime.version(), text.length);
    try (TravestyServer server = new TravestyServer(TravestyServerConfig.builder()
        .address(InetAddress.getLoopbackAddress()).port(0).maxUploadBytes(1L << 30)
        .maxWords(1 << 30).maxTotalWords(1L << 31).build()).start();
        TravestyClient client = TravestyClient.connect(server.localAddress())) {
      double local = median(() -> localUpload(text));
      double remote = median(() -> remoteUpload(client, text));
      System.out.printf(Locale.ROOT, "upload_MBps=%.1f in_process_MBps=%.1f ratio=%.2f%n",
          remote, local, remote / local);
      double localGen = median(() -> localGenerate(text));
      double remoteGen = median(() -> remoteGenerate(client));
      System.out.printf(Locale.ROOT,
          "generate_words_per_s=%.0f in_process_words_per_s=%.0f ratio=%.2f%n",
          remoteGen, localGen, remoteGen / localGen);
      abortLatency(client);
    }
  }

  private interface Measure {
    double run() throws Exception;
  }

  private static double median(Measure measure) throws Exception {
    double[] values = new double[ROUNDS];
    measure.run();
    for (int i = 0; i < ROUNDS; i++) {
      values[i] = measure.run();
    }
    Arrays.sort(values);
    return values[ROUNDS / 2];
  }

  private static byte[] repeat(byte[] corpus) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (out.size() < TARGET_BYTES) {
      out.writeBytes(corpus);
      out.write('\n');
    }
    return out.toByteArray();
  }

  private static double localUpload(byte[] text) throws IOException {
    long start = System.nanoTime();
    Travesty model = new Travesty();
    model.add(new ByteArrayInputStream(text));
    model.uniqueWords();
    return text.length / 1e6 / seconds(start);
  }

  private static double remoteUpload(TravestyClient client, byte[] text) throws IOException {
    long start = System.nanoTime();
    client.analyze(new ByteArrayInputStream(text), text.length, UploadProgress.NONE);
    return text.length / 1e6 / seconds(start);
  }

  private static double localGenerate(byte[] text) throws IOException {
    Travesty model = new Travesty();
    model.add(new ByteArrayInputStream(text));
    model.prettyLines(1000, line -> true);
    long start = System.nanoTime();
    model.prettyLines(GENERATE_WORDS, line -> true);
    return GENERATE_WORDS / seconds(start);
  }

  private static double remoteGenerate(TravestyClient client) throws IOException {
    client.generate(1000, line -> { });
    long start = System.nanoTime();
    client.generate(GENERATE_WORDS, line -> { });
    return GENERATE_WORDS / seconds(start);
  }

  private static void abortLatency(TravestyClient client) throws Exception {
    double[] millis = new double[ABORT_ROUNDS];
    long[] discarded = new long[ABORT_ROUNDS];
    for (int i = 0; i < ABORT_ROUNDS; i++) {
      AtomicLong lines = new AtomicLong();
      CompletableFuture<GenerationResult> text = CompletableFuture.supplyAsync(() -> {
        try {
          return client.generate(10_000_000, line -> lines.incrementAndGet());
        } catch (IOException e) {
          throw new RuntimeException(e);
        }
      });
      long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (lines.get() < 5000 && System.nanoTime() < waitUntil) {
        Thread.onSpinWait();
      }
      long start = System.nanoTime();
      client.abort();
      GenerationResult result = text.get(30, TimeUnit.SECONDS);
      millis[i] = seconds(start) * 1000;
      discarded[i] = result.bytesDiscarded();
    }
    Arrays.sort(millis);
    Arrays.sort(discarded);
    System.out.printf(Locale.ROOT,
        "abort_to_resync_ms median=%.2f p90=%.2f bytes_discarded median=%d (%d rounds)%n",
        millis[ABORT_ROUNDS / 2], millis[ABORT_ROUNDS * 9 / 10], discarded[ABORT_ROUNDS / 2],
        ABORT_ROUNDS);
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
