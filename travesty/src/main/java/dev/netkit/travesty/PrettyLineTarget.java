package dev.netkit.travesty;

import java.io.IOException;

/**
 * The public target of {@link Travesty#prettyLines}: receives pretty text one wrapped line at a
 * time, as a {@link CharSequence}; returning false stops the generation at once. A server uses it
 * to encode each line for the wire and to stop when the client aborts. (Inside the engine the
 * formatter hands lines as {@code char[]} to a {@link WrappedLineTarget}, and text with line
 * feeds goes to a {@link TextTarget}.)
 */
@FunctionalInterface
public interface PrettyLineTarget {

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
