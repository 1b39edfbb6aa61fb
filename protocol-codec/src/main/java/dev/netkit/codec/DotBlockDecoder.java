package dev.netkit.codec;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Reads one dot-terminated block: content lines, unstuffed ({@link DotStuffing}), until a line
 * holding only {@code .}.
 *
 * <pre>
 *   "the cat\r\n..hidden\r\n.\r\nBYE\r\n"  →  "the cat", ".hidden", then complete;
 *                                            "BYE\r\n" stays in the buffer
 * </pre>
 *
 * <p>It reads lines through the connection's {@link LineDecoder}, so a server can switch between
 * commands and blocks on one stream without losing buffered bytes, and every line limit and error
 * of that decoder applies (after a {@link TooLongFrameException} or {@link MalformedTextException}
 * the block goes on with the next line). {@link #decode(ByteBuffer)} returns empty both when it
 * needs more input and once the block is complete; {@link #isComplete()} tells which. After the
 * terminator it consumes nothing more until {@link #reset()}. Not thread-safe.
 *
 * <pre>
 *   DotBlockDecoder block = new DotBlockDecoder(lines);
 *   while (true) {
 *     Optional&lt;String&gt; line = block.decode(buffer);
 *     if (line.isPresent()) { model.add(line.get()); }
 *     else if (block.isComplete()) { break; }          // reply, back to commands
 *     else { buffer.clear(); read(buffer); buffer.flip(); }
 *   }
 * </pre>
 */
public final class DotBlockDecoder {

  private final LineDecoder lines;
  private boolean complete;

  /**
   * Creates a decoder that reads lines through {@code lines}.
   *
   * @param lines the connection's line decoder
   */
  public DotBlockDecoder(LineDecoder lines) {
    this.lines = Objects.requireNonNull(lines, "lines");
  }

  /**
   * Decodes the next content line of the block.
   *
   * @param in bytes from the peer; its position moves past the line read (content or terminator),
   *     or to its limit if no complete line is there
   * @return the unstuffed content line, or empty if more input is needed or the block is complete
   * @throws TooLongFrameException if a line is longer than the line decoder's limit
   * @throws MalformedFrameException if the line decoder rejects a bare LF
   * @throws MalformedTextException if a line is not UTF-8
   */
  public Optional<String> decode(ByteBuffer in) {
    return complete ? Optional.empty()
        : content(lines.decode(in), DotStuffing::isTerminator, DotStuffing::unstuff);
  }

  /**
   * Decodes the next content line of the block as bytes, for text in any ASCII-compatible
   * encoding (no UTF-8 check).
   *
   * @param in bytes from the peer; its position moves past the line read (content or terminator),
   *     or to its limit if no complete line is there
   * @return a new array with the unstuffed content line, or empty if more input is needed or the
   *     block is complete
   * @throws TooLongFrameException if a line is longer than the line decoder's limit
   * @throws MalformedFrameException if the line decoder rejects a bare LF
   */
  public Optional<byte[]> decodeBytes(ByteBuffer in) {
    return complete ? Optional.empty()
        : content(lines.decodeBytes(in), DotStuffing::isTerminator, DotStuffing::unstuff);
  }

  /** The block rule for a line read as text or bytes: the terminator completes the block. */
  private <T> Optional<T> content(Optional<T> line, Predicate<T> isTerminator,
      UnaryOperator<T> unstuff) {
    if (line.isPresent() && isTerminator.test(line.get())) {
      complete = true;
      return Optional.empty();
    }
    return line.map(unstuff);
  }

  /**
   * Tells whether the terminating {@code .} line has been read.
   *
   * @return true once the block is complete
   */
  public boolean isComplete() {
    return complete;
  }

  /** Prepares for the next block (the line decoder keeps its state). */
  public void reset() {
    complete = false;
  }
}
