package dev.netkit.travesty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.netkit.codec.text.TextWrap;
import dev.netkit.corpus.Corpus;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Streaming to writers and sinks, stopping a generation, and statistics read by another thread. */
class TravestyStreamingTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final ExecutorService executor = Executors.newCachedThreadPool();

  @AfterEach
  void shutdown() throws InterruptedException {
    executor.shutdownNow();
    assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  private static Travesty corpusModel(long seed) {
    Travesty travesty = Travesty.builder().seed(seed).build();
    travesty.add(Corpus.text());
    return travesty;
  }

  /** Counts characters and remembers the largest single write. */
  private static class CountingWriter extends Writer {
    final AtomicLong chars = new AtomicLong();
    final AtomicLong writes = new AtomicLong();
    volatile int largestWrite;

    @Override
    public void write(char[] buf, int off, int len) {
      chars.addAndGet(len);
      writes.incrementAndGet();
      largestWrite = Math.max(largestWrite, len);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  }

  @Test
  void streamingToAWriterGivesTheSameTextAsAString() throws IOException {
    StringWriter raw = new StringWriter();
    StringWriter pretty = new StringWriter();
    StringBuilder appended = new StringBuilder();

    assertThat(corpusModel(5).generate(40_000, raw)).isEqualTo(40_000);
    assertThat(corpusModel(5).prettyText(40_000, pretty)).isEqualTo(40_000);
    assertThat(corpusModel(5).generate(40_000, (Appendable) new AppendOnly(appended)))
        .isEqualTo(40_000);

    assertThat(raw.toString()).isEqualTo(corpusModel(5).generate(40_000));
    assertThat(pretty.toString()).isEqualTo(corpusModel(5).prettyText(40_000));
    assertThat(appended.toString()).isEqualTo(raw.toString());
  }

  @Test
  void aLongGenerationIsWrittenInBoundedChunks() throws IOException {
    Travesty travesty = corpusModel(6);
    CountingWriter out = new CountingWriter();

    assertThat(travesty.generate(2_000_000, out)).isEqualTo(2_000_000);

    assertThat(out.largestWrite).isLessThanOrEqualTo(2 * RawTextFormatter.CHUNK);
    assertThat(out.writes.get()).isLessThan(out.chars.get() / RawTextFormatter.CHUNK + 2);
    assertThat(out.chars.get()).isGreaterThan(2_000_000L * 2);
    assertThat(travesty.stats().wordsGenerated()).isEqualTo(2_000_000);
  }

  @Test
  void aStopSignalEndsTheGenerationAfterTheCurrentChunk() throws IOException {
    Travesty travesty = Travesty.builder().seed(7).build();
    travesty.add("short words only, so that one chunk is one write. and more words");
    AtomicBoolean stop = new AtomicBoolean();
    CountingWriter out = new CountingWriter() {
      @Override
      public void write(char[] buf, int off, int len) {
        super.write(buf, off, len);
        stop.set(true);
      }
    };

    long words = travesty.generate(Long.MAX_VALUE, out, stop::get);

    assertThat(out.writes.get()).isEqualTo(1);
    assertThat(words).isPositive().isLessThan(RawTextFormatter.CHUNK);
    assertThat(travesty.stats().wordsGenerated()).isEqualTo(words);
  }

  @Test
  void anotherThreadCanStopAnEndlessGeneration() throws Exception {
    Travesty travesty = corpusModel(8);
    AtomicBoolean stop = new AtomicBoolean();
    CountingWriter out = new CountingWriter();

    Future<Long> generation = executor.submit(
        () -> travesty.prettyText(Long.MAX_VALUE, out, stop::get));
    await().atMost(TIMEOUT).until(() -> out.writes.get() >= 3);
    stop.set(true);

    long words = generation.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    assertThat(words).isPositive().isLessThan(Long.MAX_VALUE);
    long writesAtStop = out.writes.get();
    assertThat(travesty.prettyText(10, new StringWriter())).as("usable afterwards").isEqualTo(10);
    assertThat(out.writes.get()).isEqualTo(writesAtStop);
  }

  @Test
  void aStopSignalThatIsAlreadySetGeneratesNothing() throws IOException {
    Travesty travesty = corpusModel(9);
    StringWriter out = new StringWriter();

    assertThat(travesty.generate(1_000, out, () -> true)).isZero();
    assertThat(travesty.prettyText(1_000, out, () -> true)).isZero();
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aPrettyLineTargetGetsWholeLinesAndStopsTheGenerationByReturningFalse() throws IOException {
    Travesty travesty = corpusModel(10);
    List<String> lines = new ArrayList<>();

    long words = travesty.prettyLines(1_000_000, line -> {
      lines.add(line.toString());
      return lines.size() < 25;
    });

    assertThat(lines).hasSize(25);
    assertThat(words).isLessThan(1_000_000);
    // The word that overflowed the 25th line was generated but not delivered.
    assertThat((long) Words.split(String.join("\n", lines)).size()).isBetween(words - 1, words);
    assertThat(lines).allSatisfy(line -> assertThat(TextWrap.columns(line) <= 76
        || !line.strip().contains(" ")).isTrue());
  }

  @Test
  void prettyLinesMatchPrettyText() throws IOException {
    StringBuilder joined = new StringBuilder();
    corpusModel(11).prettyLines(5_000, line -> {
      joined.append(line).append('\n');
      return true;
    });

    assertThat(joined.toString()).isEqualTo(corpusModel(11).prettyText(5_000));
  }

  @Test
  void errorsOfTheTargetPropagate() {
    Travesty travesty = corpusModel(12);
    Writer failing = new Writer() {
      @Override
      public void write(char[] buf, int off, int len) throws IOException {
        throw new IOException("broken pipe");
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };

    assertThatThrownBy(() -> travesty.generate(100_000, failing))
        .isInstanceOf(IOException.class).hasMessage("broken pipe");
    assertThatThrownBy(() -> travesty.prettyLines(100_000, line -> {
      throw new IOException("gone");
    })).isInstanceOf(IOException.class).hasMessage("gone");
  }

  /**
   * The owner adds the corpus line by line and generates while another thread reads the
   * statistics: every snapshot it sees must be internally consistent and never go backwards, and
   * it must see the owner's progress (the owner waits until it has).
   */
  @Test
  void anotherThreadReadsConsistentStatisticsWhileTheOwnerWorks() throws Exception {
    Travesty travesty = Travesty.builder().seed(13).build();
    List<String> lines = Corpus.text().lines().toList();
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong seenWords = new AtomicLong();
    AtomicLong seenGenerated = new AtomicLong();
    List<String> violations = new ArrayList<>();

    CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
      TravestyStats last = TravestyStats.EMPTY;
      while (!done.get()) {
        TravestyStats now = travesty.stats();
        check(last, now, violations);
        seenWords.set(now.wordsAnalyzed());
        seenGenerated.set(now.wordsGenerated());
        last = now;
      }
    }, executor);

    for (int round = 0; round < 3; round++) {
      for (String line : lines) {
        travesty.add(line);
      }
      long analysed = travesty.wordsAnalyzed();
      await().atMost(TIMEOUT).until(() -> seenWords.get() == analysed);
      travesty.generate(100_000, Writer.nullWriter());
      long generated = travesty.stats().wordsGenerated();
      await().atMost(TIMEOUT).until(() -> seenGenerated.get() == generated);
    }
    done.set(true);
    reader.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

    synchronized (violations) {
      assertThat(violations).isEmpty();
    }
    assertThat(travesty.stats().wordsAnalyzed()).isEqualTo(3L * Words.split(Corpus.text())
        .size());
    assertThat(travesty.stats().wordsGenerated()).isEqualTo(300_000);
  }

  private static void check(TravestyStats last, TravestyStats now, List<String> violations) {
    boolean consistent = now.uniqueWords() <= now.wordsAnalyzed()
        && (now.wordsAnalyzed() == 0) == (now.uniqueWords() == 0);
    boolean monotonic = now.wordsAnalyzed() >= last.wordsAnalyzed()
        && now.uniqueWords() >= last.uniqueWords()
        && now.wordsGenerated() >= last.wordsGenerated();
    if (!consistent || !monotonic) {
      synchronized (violations) {
        violations.add(last + " -> " + now);
      }
    }
  }

  /** An Appendable that is neither a Writer nor a StringBuilder. */
  private static final class AppendOnly implements Appendable {
    private final StringBuilder target;

    AppendOnly(StringBuilder target) {
      this.target = target;
    }

    @Override
    public Appendable append(CharSequence csq) {
      target.append(csq);
      return this;
    }

    @Override
    public Appendable append(CharSequence csq, int start, int end) {
      target.append(csq, start, end);
      return this;
    }

    @Override
    public Appendable append(char c) {
      target.append(c);
      return this;
    }
  }
}
