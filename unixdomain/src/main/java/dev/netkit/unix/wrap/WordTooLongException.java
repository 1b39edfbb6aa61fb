package dev.netkit.unix.wrap;

import dev.netkit.codec.HexPreview;
import dev.netkit.codec.ProtocolException;

/**
 * A word (a run of bytes without whitespace) is longer than the wrap server buffers. The message
 * names the limit and shows the start of the word in hex, e.g.
 * {@code word length : 65537 bytes (limit: 65536), input: 61 61 61 …(+65504 bytes)}.
 */
public class WordTooLongException extends ProtocolException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param word holds the start of the word
   * @param buffered how many bytes of {@code word} are the word's; one more byte arrived
   * @param limit the longest word allowed, in bytes
   */
  public WordTooLongException(byte[] word, int buffered, int limit) {
    super("word length : " + (buffered + 1L) + " bytes (limit: " + limit + "), input: "
        + HexPreview.of(word, 0, buffered));
  }
}
