package dev.netkit.codec.travesty;

import dev.netkit.codec.ProtocolException;

/**
 * Parses the command lines a travesty server receives: a command name, ASCII case-insensitive,
 * and for {@code GENERATE} a word count of ASCII digits from 0 to a limit. Blanks (space, tab)
 * around the line are ignored; one or more separate the name from the count.
 *
 * <pre>
 *   "DATA", "data", " Reset "      Data, Reset
 *   "GENERATE 100", "generate\t7"  Generate(100), Generate(7)
 *   "HELLO", "", "DATA now"        UnknownCommandException  (500 unknown command)
 *   "GENERATE", "GENERATE -5"      WordCountException       (501 word count "-5" is negative)
 * </pre>
 *
 * <p>The book's {@code trav_serv.pl} takes exactly {@code DATA}, {@code RESET},
 * {@code GENERATE\s+\d+} and {@code BYE}; what it takes, this parser takes the same way. Only
 * ASCII letters fold ({@code reſet}, with a long s, is unknown, though Java's
 * {@code equalsIgnoreCase} would take it). Immutable and thread-safe.
 */
public final class TravestyCommandParser {

  private final long maxGenerateWords;

  /**
   * Creates a parser.
   *
   * @param maxGenerateWords the largest word count a {@code GENERATE} may ask for
   * @throws IllegalArgumentException if {@code maxGenerateWords} is negative
   */
  public TravestyCommandParser(long maxGenerateWords) {
    if (maxGenerateWords < 0) {
      throw new IllegalArgumentException("maxGenerateWords : " + maxGenerateWords
          + " (expected: >= 0)");
    }
    this.maxGenerateWords = maxGenerateWords;
  }

  /**
   * Returns the largest word count accepted.
   *
   * @return the limit given at construction
   */
  public long maxGenerateWords() {
    return maxGenerateWords;
  }

  /**
   * Parses one command line.
   *
   * @param line the line without its terminator
   * @return the command
   * @throws UnknownCommandException if the line is no command, or has an argument after a
   *     command that takes none
   * @throws WordCountException if a {@code GENERATE} count is missing, not a number, negative or
   *     over the limit
   */
  public TravestyCommand parse(String line) {
    int start = skipBlanks(line, 0);
    int end = line.length();
    while (end > start && isBlank(line.charAt(end - 1))) {
      end--;
    }
    String trimmed = line.substring(start, end);
    int nameEnd = 0;
    while (nameEnd < trimmed.length() && !isBlank(trimmed.charAt(nameEnd))) {
      nameEnd++;
    }
    String name = trimmed.substring(0, nameEnd);
    String argument = trimmed.substring(skipBlanks(trimmed, nameEnd));
    if (isName(name, TravestyProtocol.GENERATE)) {
      return new TravestyCommand.Generate(wordCount(argument));
    }
    if (argument.isEmpty()) {
      if (isName(name, TravestyProtocol.DATA)) {
        return new TravestyCommand.Data();
      }
      if (isName(name, TravestyProtocol.RESET)) {
        return new TravestyCommand.Reset();
      }
      if (isName(name, TravestyProtocol.BYE)) {
        return new TravestyCommand.Bye();
      }
    }
    throw new UnknownCommandException(line);
  }

  private long wordCount(String argument) {
    if (argument.isEmpty()) {
      throw new WordCountException(TravestyProtocol.GENERATE + " needs a word count");
    }
    boolean negative = argument.charAt(0) == '-';
    String digits = negative ? argument.substring(1) : argument;
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new WordCountException("word count " + ProtocolException.quote(argument)
          + " is not a number");
    }
    if (negative) {
      throw new WordCountException("word count " + ProtocolException.quote(argument)
          + " is negative");
    }
    long words;
    try {
      words = Long.parseLong(digits);
    } catch (NumberFormatException e) {
      words = Long.MAX_VALUE; // more digits than a long holds: over any limit
    }
    if (words > maxGenerateWords) {
      throw new WordCountException("word count " + ProtocolException.quote(argument)
          + " is over the limit of " + maxGenerateWords);
    }
    return words;
  }

  /** ASCII case-insensitive: only a-z fold to A-Z. */
  private static boolean isName(String word, String name) {
    if (word.length() != name.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      char upper = c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c;
      if (upper != name.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static int skipBlanks(String line, int from) {
    int i = from;
    while (i < line.length() && isBlank(line.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}
