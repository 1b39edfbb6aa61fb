package dev.netkit.codec.text;

import dev.netkit.codec.Arguments;
import java.util.Objects;

/**
 * Where each word goes when text is wrapped as Perl's {@code Text::Wrap} wraps it ({@code wrap}
 * and {@code fill}, with {@code $huge = 'overflow'}), for callers that already have the words
 * of a paragraph one at a time: the book's wrap server ({@code fill('', '', @lines)}, 30 columns)
 * and its travesty module's pretty text ({@code fill("\t", '', $text)}). Pure layout: the caller
 * measures each word, asks {@link #place(int)} and writes what the answer says; this class never
 * sees the text.
 *
 * <pre>
 *   TextWrap wrap = new TextWrap(12, "\t", "");      // $columns = 12: lines of up to 11
 *   place(3) "the"    PARAGRAPH_START  write "\t", "the"      line "\tthe"      (11 columns)
 *   place(3) "cat"    NEW_LINE         end line, write "cat"  (11 + 1 + 3 > 11)
 *   place(3) "sat."   SAME_LINE        write " ", "sat."      line "cat sat."   (8 columns)
 *   endParagraph()                     end line
 *   place(2) "on"     PARAGRAPH_START  write "\t", "on"
 * </pre>
 *
 * <h2>Rules (those of {@code Text::Wrap})</h2>
 * <ul>
 *   <li>A line holds at most {@code columns - 1} columns, indent included: {@code Text::Wrap}
 *       keeps the last column free.
 *   <li>The first line of a paragraph starts with the paragraph indent ({@code $ip}), every
 *       other line with the line indent ({@code $xp}); tabs in an indent count to the next
 *       multiple of 8 ({@link #columns(CharSequence)}).
 *   <li>Words are separated by one space and placed greedily: a word goes on the current line
 *       if it fits after a space, else it starts the next line. A word too wide for any line
 *       gets a line of its own and overflows it; it is never broken.
 *   <li>{@code fill} separates paragraphs by a blank line when both indents are equal, else by a
 *       line break only ({@link #paragraphSeparator()}).
 * </ul>
 * A caller that keeps {@code fill}'s space at the start of a paragraph places an empty word
 * first. Columns are whatever unit the caller measures words in (the wrap server counts UTF-8
 * characters, Perl counts bytes; they agree on ASCII). Not thread-safe: one per text.
 */
public final class TextWrap {

  /** The narrowest width {@code Text::Wrap} accepts. */
  public static final int MIN_COLUMNS = 2;

  /** Where {@code Text::Tabs} puts tab stops. */
  public static final int TAB_STOP = 8;

  /** What the caller writes before a word. */
  public enum Placement {
    /** The word starts a paragraph: write the paragraph indent (and a paragraph separator before
     * it when this is not the first paragraph and the caller joins paragraphs as text). */
    PARAGRAPH_START,
    /** The word goes on the current line: write a space. */
    SAME_LINE,
    /** The word starts a new line of the paragraph: end the line, write the line indent. */
    NEW_LINE
  }

  private final long lineLimit;
  private final String paragraphIndent;
  private final String lineIndent;
  private final long paragraphIndentColumns;
  private final long lineIndentColumns;
  private long lineColumns;
  private boolean paragraphStart = true;

  /**
   * Creates a layout.
   *
   * @param columns the width in the sense of {@code $Text::Wrap::columns}: lines hold at most
   *     {@code columns - 1} columns; at least {@value #MIN_COLUMNS}
   * @param paragraphIndent the indent of each paragraph's first line ({@code $ip})
   * @param lineIndent the indent of the other lines ({@code $xp})
   * @throws IllegalArgumentException if {@code columns} is below {@value #MIN_COLUMNS}, or an
   *     indent holds a line break
   */
  public TextWrap(int columns, String paragraphIndent, String lineIndent) {
    if (columns < MIN_COLUMNS) {
      throw new IllegalArgumentException("columns : " + columns + " (expected: >= "
          + MIN_COLUMNS + ")");
    }
    this.lineLimit = columns - 1L;
    this.paragraphIndent = checkIndent(paragraphIndent, "paragraphIndent");
    this.lineIndent = checkIndent(lineIndent, "lineIndent");
    this.paragraphIndentColumns = columns(paragraphIndent);
    this.lineIndentColumns = columns(lineIndent);
  }

  /**
   * Creates the layout of {@code fill('', '', ...)}: no indents, paragraphs separated by a blank
   * line (the book's wrap server).
   *
   * @param columns as for {@link #TextWrap(int, String, String)}
   * @return the layout
   * @throws IllegalArgumentException if {@code columns} is below {@value #MIN_COLUMNS}
   */
  public static TextWrap unindented(int columns) {
    return new TextWrap(columns, "", "");
  }

  private static String checkIndent(String indent, String name) {
    Objects.requireNonNull(indent, name);
    if (indent.indexOf('\n') >= 0 || indent.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(name + " : line break in the indent (expected: none)");
    }
    return indent;
  }

  /**
   * Decides where the next word of the current paragraph goes, and takes it.
   *
   * @param wordColumns the word's width, at least 0
   * @return what to write before the word
   * @throws IllegalArgumentException if {@code wordColumns} is negative
   */
  public Placement place(int wordColumns) {
    Arguments.checkPositiveOrZero(wordColumns, "wordColumns");
    if (paragraphStart) {
      paragraphStart = false;
      lineColumns = paragraphIndentColumns + wordColumns;
      return Placement.PARAGRAPH_START;
    }
    if (lineColumns + 1 + wordColumns <= lineLimit) {
      lineColumns += 1 + wordColumns;
      return Placement.SAME_LINE;
    }
    lineColumns = lineIndentColumns + wordColumns;
    return Placement.NEW_LINE;
  }

  /** Ends the current paragraph: the next word starts a new one. */
  public void endParagraph() {
    paragraphStart = true;
  }

  /**
   * Tells whether the next word starts a paragraph.
   *
   * @return true before the first word and after {@link #endParagraph()}
   */
  public boolean atParagraphStart() {
    return paragraphStart;
  }

  /**
   * Returns the indent of each paragraph's first line.
   *
   * @return {@code $ip}
   */
  public String paragraphIndent() {
    return paragraphIndent;
  }

  /**
   * Returns the indent of the other lines.
   *
   * @return {@code $xp}
   */
  public String lineIndent() {
    return lineIndent;
  }

  /**
   * Returns what {@code fill} puts between two paragraphs joined as text.
   *
   * @return {@code "\n\n"} (a blank line) when both indents are equal, else {@code "\n"}
   */
  public String paragraphSeparator() {
    return paragraphIndent.equals(lineIndent) ? "\n\n" : "\n";
  }

  /**
   * Returns the columns a string takes at the start of a line, as {@code Text::Tabs::expand}
   * counts them.
   *
   * @param text the string, without line breaks
   * @return its width: one column per character, a tab to the next multiple of
   *     {@value #TAB_STOP}
   */
  public static int columns(CharSequence text) {
    int columns = 0;
    for (int i = 0; i < text.length(); i++) {
      columns = text.charAt(i) == '\t' ? (columns / TAB_STOP + 1) * TAB_STOP : columns + 1;
    }
    return columns;
  }
}
