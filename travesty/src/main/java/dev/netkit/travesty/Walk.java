package dev.netkit.travesty;

import java.util.random.RandomGenerator;

/**
 * One random walk through the chain: each step picks a successor of the current state with the
 * probability of its multiplicity and enters it; the formatter then writes that state's newest
 * word, which the record locates in the character arena.
 *
 * <p>A state without successors (the end of the text, unless the same context occurs earlier)
 * restarts the walk from a state drawn uniformly from those with successors. After a word ending
 * in {@code .} a paragraph break follows with probability {@link #PARAGRAPH_BREAK_PROBABILITY}.
 * Random numbers are drawn in a fixed order (a restart, then the successor, then the paragraph
 * break), so a seeded generator gives the same walk whatever the output format.
 */
final class Walk {

  /** Probability of a paragraph break after a word that ends in a full stop (the book's 0.1). */
  static final double PARAGRAPH_BREAK_PROBABILITY = 0.1;

  private static final int RESTART_TRIES = 64;
  private static final long LOW_32 = 0xFFFF_FFFFL;

  private final SuccessorIndex index;
  private final int[] records;
  private final char[] chars;
  private final RandomGenerator random;
  private int current;
  private boolean paragraphEnd;
  private long steps;

  /**
   * Starts a walk.
   *
   * @param index the successor index
   * @param chars the character arena its records point into
   * @param random the random source
   * @param state the state to start from
   */
  Walk(SuccessorIndex index, char[] chars, RandomGenerator random, int state) {
    this.index = index;
    this.records = index.records();
    this.chars = chars;
    this.random = random;
    this.current = index.recordOf(state);
  }

  /**
   * Takes one step.
   *
   * @return the record of the state entered: its word spans {@code chars()[records()[r + START]]}
   *     up to {@code chars()[records()[r + END]]}
   */
  int next() {
    int record = current;
    int count = records[record + SuccessorIndex.COUNT];
    if (count == 0) {
      record = randomRecordWithSuccessors();
      count = records[record + SuccessorIndex.COUNT];
    }
    int pick = count == 1 ? 0 : below(count);
    int target = records[record + SuccessorIndex.TARGETS + pick];
    current = target;
    steps++;
    paragraphEnd = chars[records[target + SuccessorIndex.END] - 1] == '.'
        && random.nextDouble() < PARAGRAPH_BREAK_PROBABILITY;
    return target;
  }

  /**
   * Returns whether a paragraph break follows the word of the last step.
   *
   * @return true after a full stop, one time in ten
   */
  boolean paragraphEnd() {
    return paragraphEnd;
  }

  /**
   * Returns the number of steps taken.
   *
   * @return the number of words emitted so far
   */
  long steps() {
    return steps;
  }

  /**
   * Returns the state the walk is in.
   *
   * @return the state id
   */
  int state() {
    return index.stateAt(current);
  }

  /**
   * Returns the records of the index.
   *
   * @return the records
   */
  int[] records() {
    return records;
  }

  /**
   * Returns the character arena of the words.
   *
   * @return the arena
   */
  char[] chars() {
    return chars;
  }

  /**
   * A uniform draw from {@code [0, bound)} by Lemire's multiply-and-reject method: one 64-bit
   * random number and a multiplication, where a modulo would cost a division.
   */
  private int below(int bound) {
    long product = (random.nextLong() >>> 32) * bound;
    if ((product & LOW_32) < bound) {
      long threshold = (-bound & LOW_32) % bound;
      while ((product & LOW_32) < threshold) {
        product = (random.nextLong() >>> 32) * bound;
      }
    }
    return (int) (product >>> 32);
  }

  /** Uniform over states with successors: rejection sampling, then a scan (tiny models). */
  private int randomRecordWithSuccessors() {
    int stateCount = index.stateCount();
    for (int tries = 0; tries < RESTART_TRIES; tries++) {
      int record = index.recordOf(below(stateCount));
      if (records[record + SuccessorIndex.COUNT] > 0) {
        return record;
      }
    }
    int first = below(stateCount);
    for (int k = 0; k < stateCount; k++) {
      int record = index.recordOf((first + k) % stateCount);
      if (records[record + SuccessorIndex.COUNT] > 0) {
        return record;
      }
    }
    throw new IllegalStateException("no data analyzed");
  }
}
