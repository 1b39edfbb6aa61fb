package dev.netkit.travesty;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;

/**
 * The travesty engine of the book's Text::Travesty (appendix A): a word-level Markov chain that
 * analyses text and generates new text with the same word-sequence statistics.
 *
 * <h2>Semantics</h2>
 * Words are maximal runs of non-white-space characters, punctuation included; white space is the
 * six ASCII white-space characters (space, tab, LF, VT, FF, CR), like Perl's {@code \s} on the
 * bytes the book splits. The chain maps each context of {@link #order()} consecutive words
 * (default 2) to the list of words that followed it, with multiplicity, so a successor is drawn
 * with the probability of its frequency. The text's first words have contexts of their own that
 * start with "no word", as in the book. Analysis is continuous: every {@code add} call continues
 * where the previous one ended, so adding a text line by line gives the same model as adding it
 * at once; the end of each {@code add} call is a word boundary.
 *
 * <p>Generation walks the chain. It continues where the previous generation stopped; the first
 * one after an analysis starts from the context of the last words analysed. A context without
 * successors (the end of the text, unless its words occur earlier) restarts the walk from a
 * context drawn uniformly from those that have successors. After a word ending in {@code .} a
 * paragraph break follows with probability 0.1. {@link #generate(int) Raw text} is each word
 * followed by a space, or by two line feeds at a paragraph break (the book's {@code generate});
 * {@link #prettyText(int) pretty text} wraps that into lines of at most {@link #width()} columns,
 * the first line of each paragraph starting with {@link #paragraphIndent()} (a tab by default),
 * like the book's {@code fill("\t", "", $text)} with {@code $columns} one more than the width
 * (netkit's one {@code Text::Wrap} layout, {@link dev.netkit.codec.text.TextWrap}).
 *
 * <p>Fixed against the book: word ids are 32-bit (the book packs them into 16 bits and goes
 * silently wrong past 65,536 distinct words), a line that starts with white space adds no empty
 * word, the restart context is drawn uniformly (the book takes the next key of a hash iterator),
 * and analysis and generation keep separate contexts.
 *
 * <h2>Streaming and cancellation</h2>
 * The streaming methods ({@link #generate(long, Appendable, BooleanSupplier)}, {@link
 * #prettyText(long, Appendable, BooleanSupplier)}, {@link #prettyLines(long, PrettyLineTarget)})
 * write to their target in chunks of about 8 KiB (a {@link java.io.Writer} or {@link StringBuilder}
 * gets bulk writes), so the text never sits in memory. Between chunks they ask the {@code stop}
 * signal (for example {@code aborted::get} of an {@code AtomicBoolean} set by another thread) and
 * return as soon as it answers true; a {@link PrettyLineTarget} stops the generation by returning
 * false from any line. A stopped generation has written whole chunks (or lines) only, and returns
 * the number of words generated so far. The latency of a stop is one chunk, plus however long the
 * target blocks in a write (a server that must stop a blocked write closes or shuts down its
 * socket). Exceptions from the target propagate unchanged.
 *
 * <h2>Thread safety</h2>
 * A model has a single owner: every method but {@link #stats()} must be called by one thread at
 * a time (confined to one thread, or handed over with a happens-before edge such as a lock or a
 * queue). {@link #stats()} may be called from any thread at any time without locking: it returns
 * an immutable {@link TravestyStats} snapshot that the owner publishes through a volatile field
 * after analysing each 64 KiB of buffered text, on {@link #flush()} and on every owner method
 * that reads the model, after every chunk of generated output (at most every 1,024 words), at the
 * end of every generation and on {@link #reset()}. The owner's own statistics methods
 * ({@link #uniqueWords()}, {@link #states()}, {@link #wordsAnalyzed()}, {@link #isEmpty()}) are
 * exact.
 *
 * <h2>Size and speed</h2>
 * Analysis does the least it can: text is buffered as UTF-8 (64 KiB), split eight bytes at a time,
 * each word interned into an open-addressing table over one byte arena (no object per word), and
 * the text kept as one {@code int} word id per word. The contexts and successor lists are derived
 * from those ids when the model is first used after new text arrived (a generation, or
 * {@link #states()}): the positions of the text are grouped by context with a radix sort whose
 * digits are the word ids (no hash table for contexts), and all successor lists go into one
 * {@code int[]} through which a generation walks without any lookup. Interleaving many
 * small analyses with generations therefore rebuilds that index each time: add first, then
 * generate. Memory: about 4 bytes per word analysed (8 while its array grows), plus, once
 * indexed, 4 per word and 16 per context; building the index takes about 8 more per word for a
 * moment, while the word table's hash index (about 30 bytes per distinct word) is dropped until
 * the next analysis. Limits: about 2<sup>31</sup> words analysed, distinct words, and
 * bytes of distinct words; beyond them analysis throws {@link IllegalStateException}.
 */
public final class Travesty {

  /** The default number of words per context: 2, as in the book. */
  public static final int DEFAULT_ORDER = 2;
  /** The smallest context length. */
  public static final int MIN_ORDER = 1;
  /** The largest context length. */
  public static final int MAX_ORDER = 4;
  /**
   * The default width of pretty text: lines of at most 76 columns. The width is
   * {@code Text::Wrap}'s {@code $columns - 1}; the book's {@code pretty_text} runs with the
   * default {@code $columns = 76}, so {@code width(75)} lays text out exactly as it does.
   */
  public static final int DEFAULT_WIDTH = 76;
  /** The default paragraph indent of pretty text: a tab, as in the book. */
  public static final String DEFAULT_PARAGRAPH_INDENT = "\t";
  /** The probability of a paragraph break after a word that ends in a full stop. */
  public static final double PARAGRAPH_BREAK_PROBABILITY = Walk.PARAGRAPH_BREAK_PROBABILITY;

  private static final int STRING_CAPACITY_LIMIT = 1 << 20;
  private static final int PUBLISH_EVERY_WORDS = 1024;
  private static final BooleanSupplier NEVER = () -> false;

  private final MarkovChain chain;
  private final Analyzer analyzer;
  private final RandomGenerator random;
  private final PrettyTextFormatter formatter;
  private final int width;
  private final String paragraphIndent;
  private int generationState = -1;
  private long wordsGenerated;
  private volatile TravestyStats stats = TravestyStats.EMPTY;

  /** Creates an empty order-2 model with the default layout and an unpredictable seed. */
  public Travesty() {
    this(builder());
  }

  private Travesty(Builder builder) {
    this.chain = new MarkovChain(builder.order);
    this.analyzer = new Analyzer(chain, this::publish);
    this.random = builder.random != null ? builder.random : new SplittableRandom();
    this.width = builder.width;
    this.paragraphIndent = builder.paragraphIndent;
    this.formatter = new PrettyTextFormatter(width, paragraphIndent);
  }

  /**
   * Starts the configuration of a model.
   *
   * @return a builder with the defaults: order 2, width 76, tab indent, unpredictable seed
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Adds a text to the model; its end is a word boundary. The text is copied (as UTF-8) into a
   * 64 KiB buffer that is analysed when full or when the model is next used.
   *
   * @param text the text, e.g. one line of an upload (with or without its line terminator)
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalStateException if the model is full (see the limits above); it may also
   *     surface on a later call, when the buffered text is analysed
   */
  public void add(CharSequence text) {
    Objects.requireNonNull(text, "text");
    analyzer.add(text);
  }

  /**
   * Adds UTF-8 text to the model; its end is a word boundary. The fastest way in: the bytes are
   * copied into a 64 KiB buffer that is analysed when full or when the model is next used, and
   * they are split and compared as they are, without decoding (like the book's module, which works
   * on bytes), so malformed sequences stay inside words and only become U+FFFD when generated
   * text is written as characters.
   *
   * @param utf8 holds the text, e.g. one line of an upload (with or without its line terminator)
   * @param offset index of its first byte
   * @param length its length in bytes
   * @throws IndexOutOfBoundsException if the range is outside {@code utf8}
   * @throws IllegalStateException if the model is full (see the limits above); it may also
   *     surface on a later call, when the buffered text is analysed
   */
  public void add(byte[] utf8, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, utf8.length);
    analyzer.add(utf8, offset, length);
  }

  /**
   * Adds everything a reader delivers, up to its end, to the model and analyses it; words may span
   * reads. The reader is not closed.
   *
   * @param in the text
   * @throws IOException if reading fails; the text read before the failure stays in the model
   * @throws NullPointerException if {@code in} is null
   * @throws IllegalStateException if the model is full
   */
  public void add(Reader in) throws IOException {
    Objects.requireNonNull(in, "in");
    try {
      analyzer.add(in);
    } finally {
      flush();
    }
  }

  /**
   * Adds everything a stream of UTF-8 bytes delivers, up to its end, to the model and analyses it,
   * without decoding (see {@link #add(byte[], int, int)}). The stream is not closed.
   *
   * @param in the text in UTF-8
   * @throws IOException if reading fails; the text read before the failure stays in the model
   * @throws NullPointerException if {@code in} is null
   * @throws IllegalStateException if the model is full
   */
  public void add(InputStream in) throws IOException {
    Objects.requireNonNull(in, "in");
    try {
      analyzer.add(in);
    } finally {
      flush();
    }
  }

  /**
   * Adds a UTF-8 file to the model and analyses it (see {@link #add(InputStream)}).
   *
   * @param file the file
   * @throws IOException if the file cannot be read
   * @throws IllegalStateException if the model is full
   */
  public void addFile(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      add(in);
    }
  }

  /**
   * Adds a file in the given charset to the model and analyses it; malformed or unmappable bytes
   * become the charset's replacement (UTF-8 files are read as by {@link #addFile(Path)}).
   *
   * @param file the file
   * @param charset its encoding
   * @throws IOException if the file cannot be read
   * @throws IllegalStateException if the model is full
   */
  public void addFile(Path file, Charset charset) throws IOException {
    if (charset.equals(StandardCharsets.UTF_8)) {
      addFile(file);
      return;
    }
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try (Reader in = new InputStreamReader(Files.newInputStream(file), decoder)) {
      add(in);
    }
  }

  /**
   * Analyses the buffered text now and publishes the statistics. Never needed for correctness
   * (every method that reads the model does it first); useful before handing {@link #stats()} to
   * other threads, or to time the analysis.
   *
   * @throws IllegalStateException if the model is full
   */
  public void flush() {
    analyzer.flush();
    publish();
  }

  /**
   * Generates raw text: each word followed by a space, or by two line feeds at a paragraph break.
   *
   * @param words how many words
   * @return the text
   * @throws IllegalArgumentException if {@code words} is negative
   * @throws IllegalStateException if nothing has been analysed
   */
  public String generate(int words) {
    return collect(words, this::generate);
  }

  /**
   * Streams raw text to {@code out} (see {@link #generate(long, Appendable, BooleanSupplier)}).
   *
   * @param words how many words
   * @param out where the text goes
   * @return {@code words}
   * @throws IOException if {@code out} fails
   * @throws IllegalArgumentException if {@code words} is negative
   * @throws IllegalStateException if nothing has been analysed
   */
  public long generate(long words, Appendable out) throws IOException {
    return generate(words, out, NEVER);
  }

  /**
   * Streams raw text to {@code out} in chunks of about 8 KiB, asking {@code stop} before each
   * chunk.
   *
   * @param words how many words
   * @param out where the text goes
   * @param stop answers true when the generation must end now
   * @return the number of words generated: {@code words}, or fewer when stopped
   * @throws IOException if {@code out} fails
   * @throws IllegalArgumentException if {@code words} is negative
   * @throws IllegalStateException if nothing has been analysed
   */
  public long generate(long words, Appendable out, BooleanSupplier stop) throws IOException {
    checkWords(words);
    TextTarget target = TextTarget.of(Objects.requireNonNull(out, "out"));
    Objects.requireNonNull(stop, "stop");
    Walk walk = startWalk();
    try {
      return RawTextFormatter.write(walk, words, target, () -> progress(walk, stop));
    } finally {
      endWalk(walk);
    }
  }

  /**
   * Generates pretty text: wrapped paragraphs, every line ended by a line feed.
   *
   * @param words how many words
   * @return the text
   * @throws IllegalArgumentException if {@code words} is negative
   * @throws IllegalStateException if nothing has been analysed
   */
  public String prettyText(int words) {
    return collect(words, this::prettyText);
  }

  /** A streaming generator: raw {@code generate} or {@code prettyText}, with a stop signal. */
  @FunctionalInterface
  private interface TextWriter {
    long write(long words, Appendable out, BooleanSupplier stop) throws IOException;
  }

  private static String collect(int words, TextWriter writer) {
    checkWords(words);
    StringBuilder text = new StringBuilder((int) Math.min(words * 8L, STRING_CAPACITY_LIMIT));
    try {
      writer.write(words, text, NEVER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /**
   * Streams pretty text to {@code out}; see
   * {@link #prettyText(long, Appendable, BooleanSupplier)}.
   *
   * @param words how many words
   * @param out where the text goes
   * @return {@code words}
   * @throws IOException if {@code out} fails
   * @throws IllegalArgumentException if {@code words} is negative
   * @throws IllegalStateException if nothing has been analysed
   */
  public long prettyText(long words, Appendable out) throws IOException {
    return prettyText(words, out, NEVER);
  }

  /**
   * Streams pretty text to {@code out}, every line ended by a line feed, in chunks of about
   * 4 to 8 KiB of whole lines, asking {@code stop} before the first and after each chunk.
   *
   * @param words how many words
   * @param out where the text goes
   * @param stop answers true when the generation must end now
   * @return the number of words generated: {@code words}, or fewer when stopped (words in lines
   *     not yet written are dropped)
   * @throws IOException if {@code out} fails
   * @throws IllegalArgumentException if {@code words} is negative
   * @throws IllegalStateException if nothing has been analysed
   */
  public long prettyText(long words, Appendable out, BooleanSupplier stop) throws IOException {
    checkWords(words);
    TextTarget target = TextTarget.of(Objects.requireNonNull(out, "out"));
    Objects.requireNonNull(stop, "stop");
    Walk walk = startWalk();
    try {
      if (stop.getAsBoolean()) {
        return 0;
      }
      LineChunker lines = new LineChunker(target, () -> progress(walk, stop));
      long done = formatter.write(walk, words, lines);
      lines.flush();
      return done;
    } finally {
      endWalk(walk);
    }
  }

  /**
   * Streams pretty text one line at a time, without line terminators: the form a line-protocol
   * server needs (encode each line, stop when the client aborts).
   *
   * @param words how many words
   * @param target receives each line; returning false stops the generation at once
   * @return the number of words generated: {@code words}, or fewer when stopped (words of the
   *     line being filled are dropped)
   * @throws IOException if {@code target} throws it
   * @throws IllegalArgumentException if {@code words} is negative
   * @throws IllegalStateException if nothing has been analysed
   */
  public long prettyLines(long words, PrettyLineTarget target) throws IOException {
    checkWords(words);
    Objects.requireNonNull(target, "target");
    Walk walk = startWalk();
    try {
      return formatter.write(walk, words, (buf, length) -> {
        boolean go = target.line(CharBuffer.wrap(buf, 0, length));
        progress(walk, NEVER);
        return go;
      });
    } finally {
      endWalk(walk);
    }
  }

  /**
   * Forgets everything analysed and generated, and releases the memory; the configuration and the
   * random source stay.
   */
  public void reset() {
    analyzer.clear();
    chain.clear();
    generationState = -1;
    wordsGenerated = 0;
    stats = TravestyStats.EMPTY;
  }

  /**
   * Returns a consistent snapshot of the statistics; the only method that is safe from any
   * thread. It may lag behind the owner by the text buffered since the last analysis (at most
   * 64 KiB) and by the last chunk of generated output; the owner gets exact values by calling
   * {@link #flush()} first.
   *
   * @return the statistics as of the owner's last publication
   */
  public TravestyStats stats() {
    return stats;
  }

  /**
   * Returns the number of distinct words analysed (the book's {@code words} count, as in the
   * server's {@code 202 processed N words}). An owner method: it analyses buffered text first.
   *
   * @return the exact count
   * @throws IllegalStateException if the model is full
   */
  public int uniqueWords() {
    flush();
    return stats.uniqueWords();
  }

  /**
   * Returns the number of contexts with at least one successor (the keys of the book's lookup
   * table, the start-of-text contexts included). An owner method: it analyses buffered text and
   * builds the successor index if text arrived since it was last built (as the next generation
   * would).
   *
   * @return the exact count; 0 for an empty model
   * @throws IllegalStateException if the model is full
   */
  public int states() {
    flush();
    return chain.wordCount() == 0 ? 0 : chain.index().contexts();
  }

  /**
   * Returns the number of words analysed, repetitions included. An owner method: it analyses
   * buffered text first.
   *
   * @return the exact count
   * @throws IllegalStateException if the model is full
   */
  public long wordsAnalyzed() {
    flush();
    return stats.wordsAnalyzed();
  }

  /**
   * Returns whether the model has no words, so that generating would fail. An owner method: it
   * analyses buffered text first.
   *
   * @return true for an empty model
   * @throws IllegalStateException if the model is full
   */
  public boolean isEmpty() {
    return wordsAnalyzed() == 0;
  }

  /**
   * Returns the number of words per context.
   *
   * @return 1 to 4
   */
  public int order() {
    return chain.order();
  }

  /**
   * Returns the maximum width of pretty text.
   *
   * @return the width in columns
   */
  public int width() {
    return width;
  }

  /**
   * Returns the indent of the first line of each paragraph of pretty text.
   *
   * @return the indent
   */
  public String paragraphIndent() {
    return paragraphIndent;
  }

  private Walk startWalk() {
    flush();
    SuccessorIndex index = chain.index();
    int state = generationState >= 0 ? generationState : index.lastState();
    return new Walk(index, chain.words().chars().chars(), random, state);
  }

  private void endWalk(Walk walk) {
    generationState = walk.state();
    wordsGenerated += walk.steps();
    publish();
  }

  private boolean progress(Walk walk, BooleanSupplier stop) {
    long generated = wordsGenerated + walk.steps();
    if (generated - stats.wordsGenerated() >= PUBLISH_EVERY_WORDS) {
      stats = snapshot(generated);
    }
    return !stop.getAsBoolean();
  }

  private void publish() {
    stats = snapshot(wordsGenerated);
  }

  private TravestyStats snapshot(long generated) {
    return new TravestyStats(chain.wordCount(), chain.words().size(), generated);
  }

  private static void checkWords(long words) {
    if (words < 0) {
      throw new IllegalArgumentException("words : " + words + " (expected: >= 0)");
    }
  }

  /** The configuration of a {@link Travesty} model. Not thread-safe; reusable. */
  public static final class Builder {

    private int order = DEFAULT_ORDER;
    private int width = DEFAULT_WIDTH;
    private String paragraphIndent = DEFAULT_PARAGRAPH_INDENT;
    private RandomGenerator random;

    private Builder() {
    }

    /**
     * Sets the number of words per context.
     *
     * @param order 1 to 4; default 2
     * @return this builder
     * @throws IllegalArgumentException if {@code order} is out of range
     */
    public Builder order(int order) {
      if (order < MIN_ORDER || order > MAX_ORDER) {
        throw new IllegalArgumentException(
            "order : " + order + " (expected: " + MIN_ORDER + "-" + MAX_ORDER + ")");
      }
      this.order = order;
      return this;
    }

    /**
     * Sets the maximum width of pretty text.
     *
     * @param width in columns, at least 1; default 76
     * @return this builder
     * @throws IllegalArgumentException if {@code width} is below 1
     */
    public Builder width(int width) {
      if (width < 1) {
        throw new IllegalArgumentException("width : " + width + " (expected: >= 1)");
      }
      this.width = width;
      return this;
    }

    /**
     * Sets the indent of the first line of each paragraph of pretty text; a tab counts as the
     * columns up to the next multiple of 8.
     *
     * @param indent the indent, possibly empty; default one tab
     * @return this builder
     * @throws IllegalArgumentException if {@code indent} contains a line feed or carriage return
     * @throws NullPointerException if {@code indent} is null
     */
    public Builder paragraphIndent(String indent) {
      Objects.requireNonNull(indent, "indent");
      if (indent.indexOf('\n') >= 0 || indent.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("indent : contains a line break (expected: none)");
      }
      this.paragraphIndent = indent;
      return this;
    }

    /**
     * Makes generation repeatable: the same seed, text and calls give the same output.
     *
     * @param seed the seed of a {@link SplittableRandom}
     * @return this builder
     */
    public Builder seed(long seed) {
      this.random = new SplittableRandom(seed);
      return this;
    }

    /**
     * Sets the random source; it is used by the model's owner thread only.
     *
     * @param random the source; default a {@link SplittableRandom} with an unpredictable seed
     * @return this builder
     * @throws NullPointerException if {@code random} is null
     */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Creates a model. A builder used with {@link #seed(long)} or {@link #random} should build one
     * model only, since the models would share the random source.
     *
     * @return an empty model
     */
    public Travesty build() {
      return new Travesty(this);
    }
  }
}
