package dev.netkit.codec.travesty;

import dev.netkit.codec.ProtocolException;

/**
 * A {@code GENERATE} command whose word count is missing, not a number, negative or over the
 * server's limit. The message is the text of the server's {@code 501} reply
 * ({@link TravestyReplies#badArgument(WordCountException)}).
 *
 * <pre>
 *   GENERATE needs a word count
 *   word count "abc" is not a number
 *   word count "-5" is negative
 *   word count "1001" is over the limit of 1000
 * </pre>
 */
public class WordCountException extends ProtocolException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong with the count, as the reply says it
   */
  public WordCountException(String message) {
    super(message);
  }
}
