package dev.netkit.codec.travesty;

import dev.netkit.codec.Arguments;

/**
 * One command of the travesty protocol, from client to server, as parsed by
 * {@link TravestyCommandParser} or to be sent with {@link #format()}.
 *
 * <pre>
 *   "DATA"          Data        upload text to analyse, in a dot-terminated block
 *   "RESET"         Reset       forget everything analysed
 *   "GENERATE 100"  Generate    100 words of travesty, as a dot-terminated block
 *   "BYE"           Bye         end the session
 * </pre>
 */
public sealed interface TravestyCommand {

  /**
   * Returns the command line as a client sends it (upper case, one space), without terminator.
   *
   * @return e.g. {@code GENERATE 100}
   */
  String format();

  /** {@code DATA}: upload text to analyse; the server starts from an empty model. */
  record Data() implements TravestyCommand {
    @Override
    public String format() {
      return TravestyProtocol.DATA;
    }
  }

  /** {@code RESET}: forget everything analysed. */
  record Reset() implements TravestyCommand {
    @Override
    public String format() {
      return TravestyProtocol.RESET;
    }
  }

  /**
   * {@code GENERATE n}: generate {@code n} words of travesty.
   *
   * @param words how many words, at least 0
   */
  record Generate(long words) implements TravestyCommand {

    /**
     * Checks the count.
     *
     * @throws IllegalArgumentException if {@code words} is negative
     */
    public Generate {
      Arguments.checkPositiveOrZero(words, "words");
    }

    @Override
    public String format() {
      return TravestyProtocol.GENERATE + " " + words;
    }
  }

  /** {@code BYE}: end the session. */
  record Bye() implements TravestyCommand {
    @Override
    public String format() {
      return TravestyProtocol.BYE;
    }
  }
}
