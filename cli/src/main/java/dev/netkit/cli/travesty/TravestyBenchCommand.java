package dev.netkit.cli.travesty;

import dev.netkit.travesty.Travesty;
import dev.netkit.travesty.TravestyStats;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code travesty-bench --corpus FILE [--words N] [--seed S] [--order K]}: builds a model from a
 * UTF-8 file line by line (as a server analyses an upload), generates N words of raw text into a
 * counting sink, and prints one line of {@code key=value} pairs. MB are 10<sup>6</sup> bytes.
 */
@Command(name = "travesty-bench", mixinStandardHelpOptions = true)
public final class TravestyBenchCommand implements Callable<Integer> {

  private static final double NANOS_PER_SECOND = 1e9;
  private static final double BYTES_PER_MB = 1e6;

  @Spec
  private CommandSpec spec;

  @Option(names = "--corpus", required = true, paramLabel = "FILE",
      description = "UTF-8 text to analyse, read line by line.")
  private Path corpus;

  @Option(names = "--words", paramLabel = "N", defaultValue = "1000000",
      description = "Words to generate (default: ${DEFAULT-VALUE}).")
  private long words;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of the random source (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--order", paramLabel = "K", defaultValue = "2",
      description = "Words per context, 1-4 (default: ${DEFAULT-VALUE}).")
  private int order;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (words < 0) {
      spec.commandLine().getErr().println("travesty-bench: --words must be >= 0");
      return 2;
    }
    Travesty travesty = Travesty.builder().order(order).seed(seed).build();
    long bytes = Files.size(corpus);

    long buildStart = System.nanoTime();
    try (BufferedReader in = open(corpus)) {
      String line;
      while ((line = in.readLine()) != null) {
        travesty.add(line);
      }
    }
    long buildNanos = System.nanoTime() - buildStart;

    CountingSink sink = new CountingSink();
    long generated = 0;
    long genStart = System.nanoTime();
    if (!travesty.isEmpty()) {
      generated = travesty.generate(words, sink);
    }
    long genNanos = System.nanoTime() - genStart;

    TravestyStats stats = travesty.stats();
    out.println(String.format(Locale.ROOT,
        "corpus=%s bytes=%d words_in=%d unique_words=%d states=%d order=%d build_ms=%.1f"
            + " build_MBps=%.1f words_out=%d chars_out=%d gen_ms=%.1f gen_words_per_s=%.0f"
            + " heap_used_mb=%.1f",
        corpus, bytes, stats.wordsAnalyzed(), stats.uniqueWords(), stats.states(), order,
        buildNanos / 1e6, bytes / BYTES_PER_MB / (buildNanos / NANOS_PER_SECOND), generated,
        sink.chars, genNanos / 1e6, generated / (genNanos / NANOS_PER_SECOND), usedHeapMb()));
    out.flush();
    return 0;
  }

  private static BufferedReader open(Path file) throws IOException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16);
  }

  /** Heap still in use after a collection: roughly the model's size. */
  private static double usedHeapMb() {
    Runtime runtime = Runtime.getRuntime();
    System.gc();
    return (runtime.totalMemory() - runtime.freeMemory()) / (1024.0 * 1024.0);
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
