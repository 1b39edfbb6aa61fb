package dev.netkit.unix.wrap;

import dev.netkit.codec.text.TextWrap;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Refills paragraphs to a column width as the book's wrap server does with Perl's
 * {@code Text::Wrap::fill('', '', @lines)} on the chomped input lines, but streaming: text goes
 * in as it arrives and lines come out as soon as they are decided, so memory stays bounded
 * whatever the input size. Pure: it never touches a socket.
 *
 * <h2>Semantics (those of {@code fill}, with {@code $huge = 'overflow'})</h2>
 * <ul>
 *   <li>Whitespace is {@code \t \n \u000B \f \r} and space (Perl's {@code \s} on bytes).
 *       Words are the runs of other bytes; they are kept whole and in order.
 *   <li>A paragraph ends at a newline followed by more whitespace: a blank line, or a line that
 *       starts with whitespace ({@code split /\n\s+/}). Within a paragraph every run of whitespace
 *       becomes one space.
 *   <li>Lines are filled greedily by {@link TextWrap}, netkit's one {@code Text::Wrap} layout:
 *       a line holds as many words as fit in {@code columns - 1} characters ({@code Text::Wrap}
 *       keeps the last column free). A word longer than that gets a line of its own and
 *       overflows; it is never broken.
 *   <li>Paragraphs are separated by one blank line. Whitespace at the very start of the text, or
 *       at the end of a paragraph, survives as one space, as in {@code fill}; the last newline of
 *       the input is dropped first (the book's server chomps its lines).
 *   <li>Output that is not empty ends with a newline (the book's server leaves the last line
 *       unterminated; a terminal is happier this way). Input without words gives no output.
 * </ul>
 * Width is counted in characters of UTF-8 (bytes that are not continuation bytes), so any byte
 * sequence passes through unchanged; Perl counts bytes, so the two agree on ASCII text.
 *
 * <h2>Limits</h2>
 * Only the current word is buffered, up to {@code maxWordBytes}; a longer word ends the filling
 * with a {@link WordTooLongException} and the filler cannot be used again. Lines are written
 * word by word to the output stream, so buffering there is the caller's choice.
 */
public final class TextFiller {

  /** The book's column width ({@code $columns = 30}). */
  public static final int DEFAULT_COLUMNS = 30;

  /** The narrowest width {@code Text::Wrap} accepts. */
  public static final int MIN_COLUMNS = TextWrap.MIN_COLUMNS;

  /** The widest width accepted. */
  public static final int MAX_COLUMNS = 10_000;

  /** The longest word buffered by default, in bytes. */
  public static final int DEFAULT_MAX_WORD_BYTES = 64 * 1024;

  private static final int INITIAL_WORD_BYTES = 64;

  private final TextWrap wrap;
  private final byte[] paragraphSeparator;
  private final int maxWordBytes;
  private final OutputStream out;

  private byte[] word = new byte[INITIAL_WORD_BYTES];
  private int wordLength;
  private int wordWidth;

  private final WhitespaceRun run = new WhitespaceRun();

  private boolean seenWord;
  private boolean leadingSpace;
  private boolean separatorPending;
  private boolean done;

  /**
   * Creates a filler.
   *
   * @param columns the width in the sense of {@code $Text::Wrap::columns}: lines hold at most
   *     {@code columns - 1} characters; {@value #MIN_COLUMNS} to {@value #MAX_COLUMNS}
   * @param maxWordBytes the longest word accepted, at least 1
   * @param out where the filled text goes; not closed by this class
   * @throws IllegalArgumentException if a limit is out of range
   */
  public TextFiller(int columns, int maxWordBytes, OutputStream out) {
    if (columns < MIN_COLUMNS || columns > MAX_COLUMNS) {
      throw new IllegalArgumentException("columns : " + columns + " (expected: " + MIN_COLUMNS
          + " to " + MAX_COLUMNS + ")");
    }
    if (maxWordBytes < 1) {
      throw new IllegalArgumentException("maxWordBytes : " + maxWordBytes + " (expected: > 0)");
    }
    this.wrap = TextWrap.unindented(columns);
    this.paragraphSeparator = wrap.paragraphSeparator().getBytes(StandardCharsets.US_ASCII);
    this.maxWordBytes = maxWordBytes;
    this.out = Objects.requireNonNull(out, "out");
  }

  /**
   * Takes the next piece of input and writes every line it completes.
   *
   * @param input the bytes; fully consumed unless an exception is thrown
   * @throws WordTooLongException if a word exceeds the limit (the filler is then unusable)
   * @throws IOException if the output stream fails
   * @throws IllegalStateException after {@link #finish()} or an earlier failure
   */
  public void write(ByteBuffer input) throws IOException {
    requireUsable();
    while (input.hasRemaining()) {
      byte b = input.get();
      if (isWhitespace(b)) {
        if (wordLength > 0) {
          placeWord();
        }
        run.add(b);
      } else {
        if (wordLength == 0) {
          endRun();
        }
        append(b);
      }
    }
  }

  /**
   * Ends the input: writes the last word, the trailing space {@code fill} would keep, and the
   * final newline, then flushes the output stream.
   *
   * @throws IOException if the output stream fails
   * @throws IllegalStateException if called twice or after a failure
   */
  public void finish() throws IOException {
    requireUsable();
    done = true;
    if (wordLength > 0) {
      placeWord();
    } else if (seenWord) {
      run.chompFinalNewline();
      if (run.paragraphBreak() ? run.beforeNewline() : run.isNotEmpty()) {
        out.write(' ');
      }
    }
    if (seenWord) {
      out.write('\n');
    }
    out.flush();
  }

  /** Decides what the whitespace before a new word means, then forgets it. */
  private void endRun() throws IOException {
    if (!seenWord) {
      seenWord = true;
      if (run.paragraphBreak()) {
        separatorPending = true;
      } else {
        leadingSpace = run.isNotEmpty();
      }
    } else if (run.paragraphBreak()) {
      if (run.beforeNewline()) {
        out.write(' ');
      }
      separatorPending = true;
      wrap.endParagraph();
    }
    run.clear();
  }

  private void append(byte b) {
    if (wordLength == maxWordBytes) {
      done = true;
      throw new WordTooLongException(word, wordLength, maxWordBytes);
    }
    if (wordLength == word.length) {
      word = Arrays.copyOf(word, (int) Math.min(maxWordBytes, 2L * word.length));
    }
    word[wordLength++] = b;
    if ((b & 0xC0) != 0x80) {
      wordWidth++;
    }
  }

  private void placeWord() throws IOException {
    if (separatorPending) {
      out.write(paragraphSeparator);
      separatorPending = false;
    }
    if (leadingSpace) {
      // fill keeps the text's leading space: an empty first word, then a space or a line break.
      leadingSpace = false;
      wrap.place(0);
    }
    switch (wrap.place(wordWidth)) {
      case SAME_LINE -> out.write(' ');
      case NEW_LINE -> out.write('\n');
      default -> {
        // a paragraph's first word: fill('', '', ...) has no indent
      }
    }
    out.write(word, 0, wordLength);
    wordLength = 0;
    wordWidth = 0;
  }

  private void requireUsable() {
    if (done) {
      throw new IllegalStateException("filler already finished or failed");
    }
  }

  private static boolean isWhitespace(byte b) {
    return b == ' ' || (b >= '\t' && b <= '\r');
  }

  /**
   * What matters about a run of whitespace, in constant space: whether it breaks the paragraph
   * (a newline followed by more whitespace) and whether whitespace precedes that newline.
   */
  private static final class WhitespaceRun {

    private boolean beforeNewline;
    private boolean newline;
    /** Whitespace bytes after the first newline, counted up to 2 ("two or more"). */
    private int afterNewline;
    private boolean endsWithNewline;

    void add(byte b) {
      if (b == '\n' && !newline) {
        newline = true;
      } else if (newline) {
        afterNewline = Math.min(2, afterNewline + 1);
      } else {
        beforeNewline = true;
      }
      endsWithNewline = b == '\n';
    }

    /** Drops the input's final newline, as Perl's {@code chomp} on the last line does. */
    void chompFinalNewline() {
      if (endsWithNewline) {
        if (afterNewline > 0) {
          afterNewline--;
        } else {
          newline = false;
        }
        endsWithNewline = false;
      }
    }

    boolean paragraphBreak() {
      return newline && afterNewline > 0;
    }

    boolean beforeNewline() {
      return beforeNewline;
    }

    boolean isNotEmpty() {
      return beforeNewline || newline;
    }

    void clear() {
      beforeNewline = false;
      newline = false;
      afterNewline = 0;
      endsWithNewline = false;
    }
  }
}
