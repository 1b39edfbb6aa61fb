package dev.netkit.travesty;

import java.io.IOException;

/**
 * Receives pretty text one wrapped line at a time (see {@link Travesty#prettyLines}); returning
 * false stops the generation at once. A server uses it to encode each line for the wire and to
 * stop when the client aborts.
 */
@FunctionalInterface
public interface LineSink {

  /**
   * Accepts one line, without a line terminator.
   *
   * @param line the line; a view of an internal buffer that is valid only during the call (copy it
   *     to keep it)
   * @return true to continue, false to stop the generation
   * @throws IOException to stop the generation with an error, which the caller sees
   */
  boolean line(CharSequence line) throws IOException;
}
