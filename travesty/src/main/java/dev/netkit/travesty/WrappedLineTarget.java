package dev.netkit.travesty;

import java.io.IOException;

/**
 * The engine's internal target of {@link PrettyTextFormatter}: receives each wrapped line of
 * pretty text as characters in a reused array, without a line terminator. {@link LineChunker}
 * turns them into text for a {@link TextTarget}; {@link Travesty#prettyLines} adapts them to a
 * public {@link PrettyLineTarget}.
 */
@FunctionalInterface
interface WrappedLineTarget {

  /**
   * Accepts one line; the characters are valid only during the call.
   *
   * @param buf holds the line
   * @param length its length, starting at index 0
   * @return false to stop generating
   * @throws IOException if the target fails
   */
  boolean line(char[] buf, int length) throws IOException;
}
