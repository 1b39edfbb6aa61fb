package dev.netkit.travesty;

import java.util.random.RandomGenerator;

/**
 * One random walk through the chain: each step picks a successor of the current state with the
 * probability of its multiplicity and yields that state's newest word.
 *
 * <p>A state without successors (the end of the text, unless the same context occurs earlier)
 * restarts the walk from a state drawn uniformly from those with successors. After a word ending
 * in {@code .} a paragraph break follows with probability {@link #PARAGRAPH_BREAK_PROBABILITY}.
 * Random numbers are drawn in a fixed order (successor, then paragraph break; a restart draws
 * first), so a seeded generator gives the same walk whatever the output format.
 */
final class Walk {

  /** Probability of a paragraph break after a word that ends in a full stop (the book's 0.1). */
  static final double PARAGRAPH_BREAK_PROBABILITY = 0.1;

  private static final int RESTART_TRIES = 64;

  private final SuccessorIndex index;
  private final int[] records;
  private final char[] chars;
  private final int[] starts;
  private final RandomGenerator random;
  private int current;
  private boolean paragraphEnd;
  private long steps;

  /**
   * Starts a walk.
   *
   * @param index the successor index
   * @param words the words the index refers to
   * @param random the random source
   * @param state the state to start from
   */
  Walk(SuccessorIndex index, WordTable words, RandomGenerator random, int state) {
    this.index = index;
    this.records = index.records();
    WordTable.DecodedWords decoded = words.chars();
    this.chars = decoded.chars();
    this.starts = decoded.starts();
    this.random = random;
    this.current = index.recordOf(state);
  }

  /**
   * Takes one step.
   *
   * @return the id of the word to emit
   */
  int next() {
    int record = current;
    int count = records[record + SuccessorIndex.COUNT];
    if (count == 0) {
      record = randomRecordWithSuccessors();
      count = records[record + SuccessorIndex.COUNT];
    }
    int pick = count == 1 ? 0 : random.nextInt(count);
    int target = records[record + SuccessorIndex.TARGETS + pick];
    current = target;
    int word = records[target + SuccessorIndex.WORD];
    steps++;
    paragraphEnd = chars[starts[word + 1] - 1] == '.'
        && random.nextDouble() < PARAGRAPH_BREAK_PROBABILITY;
    return word;
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
   * Returns the character arena of the words.
   *
   * @return the arena
   */
  char[] chars() {
    return chars;
  }

  /**
   * Returns the start offsets of the words in {@link #chars()}.
   *
   * @return the offsets
   */
  int[] starts() {
    return starts;
  }

  /** Uniform over states with successors: rejection sampling, then a scan (tiny models). */
  private int randomRecordWithSuccessors() {
    int stateCount = index.stateCount();
    for (int tries = 0; tries < RESTART_TRIES; tries++) {
      int record = index.recordOf(random.nextInt(stateCount));
      if (records[record + SuccessorIndex.COUNT] > 0) {
        return record;
      }
    }
    int first = random.nextInt(stateCount);
    for (int k = 0; k < stateCount; k++) {
      int record = index.recordOf((first + k) % stateCount);
      if (records[record + SuccessorIndex.COUNT] > 0) {
        return record;
      }
    }
    throw new IllegalStateException("no data analyzed");
  }
}
