package dev.netkit.travesty;

/** Growth of the engine's primitive arrays, with one clear error when a model is full. */
final class Capacity {

  /** The largest array length every JVM allows. */
  static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

  private Capacity() {
  }

  /**
   * Returns a new length of at least {@code needed}: double the current one, capped.
   *
   * @param current the current length
   * @param needed the length required now
   * @param what what the array holds, for the error message
   * @return the new length
   * @throws IllegalStateException if {@code needed} exceeds {@link #MAX_ARRAY_LENGTH}
   */
  static int grow(int current, long needed, String what) {
    if (needed > MAX_ARRAY_LENGTH) {
      throw full(what, needed);
    }
    long doubled = Math.max(16L, 2L * current);
    return (int) Math.min(MAX_ARRAY_LENGTH, Math.max(doubled, needed));
  }

  /**
   * The error for a model that cannot grow.
   *
   * @param what what overflowed
   * @param needed the size that was needed
   * @return the exception to throw
   */
  static IllegalStateException full(String what, long needed) {
    return new IllegalStateException("model full: " + what + " : " + needed
        + " (expected: <= " + MAX_ARRAY_LENGTH + ")");
  }
}
