package dev.netkit.travesty;

import java.io.IOException;

/** Receives the wrapped lines of pretty text, without line terminators. */
@FunctionalInterface
interface LineOutput {

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
