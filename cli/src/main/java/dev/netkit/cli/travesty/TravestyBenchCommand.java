package dev.netkit.cli.travesty;

import dev.netkit.travesty.Travesty;
import dev.netkit.travesty.TravestyStats;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToLongFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code travesty-bench --corpus FILE [--words N] [--seed SEED] [--order N] [--rounds N]}:
 * builds a model from a UTF-8 file line by line (as a server analyses an upload: the bytes of
 * each line, without its line feed), generates N words of raw text into a counting sink, and
 * prints one line of {@code key=value} pairs.
 *
 * <p>Three phases are timed: the build (reading, adding and analysing every line: the model then
 * knows every word), the index (the contexts and successor lists, which the first generation, or
 * {@code states()}, builds once), and the generation. The first of R rounds (default 7) runs in a
 * cold JVM ({@code cold_…} keys); the median time of each phase over the other rounds is reported
 * without prefix: the speed of a warmed-up JVM, like a server that has been running for a while,
 * and robust against a round disturbed by other processes. MB are 10<sup>6</sup> bytes. The line
 * ends with {@code rss_kb}, the process's resident set at the end (Linux; -1 elsewhere).
 */
@Command(name = "travesty-bench", mixinStandardHelpOptions = true)
public final class TravestyBenchCommand implements Callable<Integer> {

  private static final double NANOS_PER_SECOND = 1e9;
  private static final double NANOS_PER_MILLI = 1e6;
  private static final double BYTES_PER_MB = 1e6;
  private static final int BLOCK = 1 << 16;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101_0101_0101_0101L;
  private static final long HIGH_BITS = 0x8080_8080_8080_8080L;
  private static final long LINE_FEEDS = '\n' * ONES;

  @Spec
  private CommandSpec spec;

  @Option(names = "--corpus", required = true, paramLabel = "FILE",
      description = "UTF-8 text to analyse, line by line.")
  private Path corpus;

  @Option(names = "--words", paramLabel = "N", defaultValue = "1000000",
      description = "Words to generate (default: ${DEFAULT-VALUE}).")
  private long words;

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
      description = "Seed of the random source (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--order", paramLabel = "N", defaultValue = "2",
      description = "Words per context, 1-4 (default: ${DEFAULT-VALUE}).")
  private int order;

  @Option(names = "--rounds", paramLabel = "N", defaultValue = "7",
      description = "Build-and-generate rounds in this JVM; the first is reported as cold_*, the"
          + " median of the others as the result (default: ${DEFAULT-VALUE}).")
  private int rounds;

  /** The model of the last round, kept for its statistics and its size. */
  private Travesty model;

  /** One measured build, indexing and generation. */
  private record Round(long buildNanos, long indexNanos, long genNanos, long generated,
      long chars, int states) {
  }

  @Override
  public Integer call() throws IOException {
    if (words < 0 || rounds < 1 || order < Travesty.MIN_ORDER || order > Travesty.MAX_ORDER) {
      throw new ParameterException(spec.commandLine(),
          "need --words >= 0, --rounds >= 1, --order 1-4");
    }
    long bytes = Files.size(corpus);
    Round cold = round();
    List<Round> warm = new ArrayList<>();
    for (int r = 1; r < rounds; r++) {
      warm.add(round());
    }
    Round last = warm.isEmpty() ? cold : median(warm);
    TravestyStats stats = model.stats();
    PrintWriter out = spec.commandLine().getOut();
    out.println(String.format(Locale.ROOT,
        "corpus=%s bytes=%d words_in=%d unique_words=%d states=%d order=%d rounds=%d"
            + " build_ms=%.1f build_MBps=%.1f index_ms=%.1f words_out=%d chars_out=%d"
            + " gen_ms=%.1f gen_words_per_s=%.0f cold_build_MBps=%.1f cold_index_ms=%.1f"
            + " cold_gen_words_per_s=%.0f heap_used_mb=%.1f rss_kb=%d",
        corpus, bytes, stats.wordsAnalyzed(), stats.uniqueWords(), last.states(), order, rounds,
        millis(last.buildNanos()), megabytesPerSecond(bytes, last.buildNanos()),
        millis(last.indexNanos()), last.generated(), last.chars(), millis(last.genNanos()),
        perSecond(last.generated(), last.genNanos()), megabytesPerSecond(bytes, cold.buildNanos()),
        millis(cold.indexNanos()), perSecond(cold.generated(), cold.genNanos()), usedHeapMb(),
        residentKilobytes()));
    out.flush();
    return 0;
  }

  private Round round() throws IOException {
    model = null;
    Travesty travesty = Travesty.builder().order(order).seed(seed).build();
    long start = System.nanoTime();
    try (InputStream in = Files.newInputStream(corpus)) {
      addLines(in, travesty);
    }
    travesty.flush();
    long built = System.nanoTime();
    int states = travesty.states();
    long indexed = System.nanoTime();
    CountingSink sink = new CountingSink();
    long generated = travesty.isEmpty() ? 0 : travesty.generate(words, sink);
    long end = System.nanoTime();
    model = travesty;
    return new Round(built - start, indexed - built, end - indexed, generated, sink.chars,
        states);
  }

  /** Reads the file in 64 KiB blocks and adds it line by line, without the line feeds. */
  private static void addLines(InputStream in, Travesty travesty) throws IOException {
    byte[] buf = new byte[BLOCK];
    int kept = 0;
    int n;
    while ((n = in.read(buf, kept, buf.length - kept)) >= 0) {
      int end = kept + n;
      int from = 0;
      for (int i = nextLineFeed(buf, kept, end); i < end; i = nextLineFeed(buf, i + 1, end)) {
        travesty.add(buf, from, i - from);
        from = i + 1;
      }
      kept = end - from;
      if (kept == buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2);
      }
      System.arraycopy(buf, from, buf, 0, kept);
    }
    if (kept > 0) {
      travesty.add(buf, 0, kept);
    }
  }

  /** The index of the next line feed at or after {@code from}, or {@code end}; 8 bytes a step. */
  private static int nextLineFeed(byte[] buf, int from, int end) {
    int i = from;
    for (; i <= end - Long.BYTES; i += Long.BYTES) {
      long x = (long) LONGS.get(buf, i) ^ LINE_FEEDS;
      long zero = (x - ONES) & ~x & HIGH_BITS;
      if (zero != 0) {
        return i + (Long.numberOfTrailingZeros(zero) >>> 3);
      }
    }
    while (i < end && buf[i] != '\n') {
      i++;
    }
    return i;
  }

  /** The median of each phase's time over the rounds (the lower middle one for an even count). */
  private static Round median(List<Round> rounds) {
    int middle = (rounds.size() - 1) / 2;
    Round any = rounds.get(0);
    return new Round(
        sorted(rounds, Round::buildNanos)[middle], sorted(rounds, Round::indexNanos)[middle],
        sorted(rounds, Round::genNanos)[middle], any.generated(), any.chars(), any.states());
  }

  private static long[] sorted(List<Round> rounds, ToLongFunction<Round> phase) {
    return rounds.stream().mapToLong(phase).sorted().toArray();
  }

  private static double millis(long nanos) {
    return nanos / NANOS_PER_MILLI;
  }

  private static double megabytesPerSecond(long bytes, long nanos) {
    return bytes / BYTES_PER_MB / (nanos / NANOS_PER_SECOND);
  }

  private static double perSecond(long count, long nanos) {
    return count / (nanos / NANOS_PER_SECOND);
  }

  /** Heap still in use after a collection: roughly the size of the last model. */
  private static double usedHeapMb() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    return (runtime.totalMemory() - runtime.freeMemory()) / (1024.0 * 1024.0);
  }

  /**
   * The process's resident set now ({@code VmRSS} of {@code /proc/self/status}), in KiB; -1 where
   * there is no such file (not Linux).
   */
  private static long residentKilobytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /** A sink that only counts characters: generation speed without I/O. */
  private static final class CountingSink extends Writer {

    private long chars;

    @Override
    public void write(char[] buf, int off, int len) {
      chars += len;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  }
}
