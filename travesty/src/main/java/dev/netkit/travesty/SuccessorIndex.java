package dev.netkit.travesty;

/**
 * The contexts of a text and their successor lists, all in one {@code int[]} (a
 * compressed-sparse-row layout), laid out in two linear passes over the text's trail of states,
 * which the analysis made (see {@link MarkovChain}).
 *
 * <p>Each state has one variable-length record:
 * {@code [count, start, end, target_1 … target_count]}. {@code start} and {@code end} locate the
 * newest word of the state (what a walk emits on entering it) in the decoded character arena;
 * each target is the record index of a successor state, repeated as often as the transition
 * occurred in the text, in text order. A walk therefore needs no hash lookup and no word table:
 * from record {@code r} it jumps to {@code records[r + TARGETS + k]}, and the count, the word's
 * location and (for the many states with one or two successors) the targets share a cache line.
 */
final class SuccessorIndex {

  /** Offset of the successor count in a record. */
  static final int COUNT = 0;
  /** Offset of the start of the state's newest word in the character arena. */
  static final int START = 1;
  /** Offset of the end of the state's newest word in the character arena. */
  static final int END = 2;
  /** Offset of the first successor in a record. */
  static final int TARGETS = 3;

  private final int[] records;
  private final int[] recordOf;
  private final int contexts;
  private final int lastState;

  private SuccessorIndex(int[] records, int[] recordOf, int contexts, int lastState) {
    this.records = records;
    this.recordOf = recordOf;
    this.contexts = contexts;
    this.lastState = lastState;
  }

  /**
   * Lays out the index of a text from its trail of states.
   *
   * <p>The analysis interned the context after every word (the start context, of "no word"
   * lanes, precedes the first word, as in the book) and counted the successors of each state;
   * transition {@code i} goes from {@code trail[i]} to {@code trail[i + 1]}. This lays the records
   * out in state-id order and fills each one's targets in text order.
   *
   * @param trail the states of the text: {@code length + 1} of them
   * @param length the number of words, at least 1
   * @param stateCount the number of distinct states
   * @param successors the successor count of each state
   * @param lastWords the newest word of each state, -1 for none
   * @param lastIsNew whether the last state of the trail occurs nowhere else
   * @param words the decoded words (for the location of each state's newest word)
   * @return the index
   * @throws IllegalStateException if the records would not fit one array
   */
  static SuccessorIndex build(int[] trail, int length, int stateCount, int[] successors,
      int[] lastWords, boolean lastIsNew, WordTable.DecodedWords words) {
    long size = (long) TARGETS * stateCount + length;
    if (size > Capacity.MAX_ARRAY_LENGTH) {
      throw Capacity.full("successor records", size);
    }
    int[] records = new int[(int) size];
    int[] recordOf = new int[stateCount];
    int[] cursor = new int[stateCount];
    int next = 0;
    for (int state = 0; state < stateCount; state++) {
      int count = successors[state];
      recordOf[state] = next;
      records[next + COUNT] = count;
      cursor[state] = next + TARGETS;
      next += TARGETS + count;
    }
    locateWords(records, recordOf, lastWords, words.starts());
    int from = trail[0];
    for (int i = 1; i <= length; i++) {
      int to = trail[i];
      records[cursor[from]++] = recordOf[to];
      from = to;
    }
    int contexts = stateCount - (lastIsNew ? 1 : 0);
    return new SuccessorIndex(records, recordOf, contexts, trail[length]);
  }

  /** Writes where the newest word of each state is in the character arena. */
  private static void locateWords(int[] records, int[] recordOf, int[] lastWords, int[] starts) {
    for (int state = 0; state < recordOf.length; state++) {
      int record = recordOf[state];
      int word = lastWords[state];
      if (word >= 0) {
        records[record + START] = starts[word];
        records[record + END] = starts[word + 1];
      } else {
        records[record + START] = 0;
        records[record + END] = 0;
      }
    }
  }

  /**
   * Returns the records (read-only by convention).
   *
   * @return the records
   */
  int[] records() {
    return records;
  }

  /**
   * Returns the record index of a state.
   *
   * @param state a state id
   * @return its record index
   */
  int recordOf(int state) {
    return recordOf[state];
  }

  /**
   * Returns the number of states.
   *
   * @return the count
   */
  int stateCount() {
    return recordOf.length;
  }

  /**
   * Returns the number of states with at least one successor: all but the last state of the
   * text, when it occurs nowhere else.
   *
   * @return the count
   */
  int contexts() {
    return contexts;
  }

  /**
   * Returns the state after the last word of the text.
   *
   * @return the state id
   */
  int lastState() {
    return lastState;
  }

  /**
   * Returns the state whose record starts at {@code record} (records are in state-id order).
   *
   * @param record a record index
   * @return the state id
   */
  int stateAt(int record) {
    int low = 0;
    int high = recordOf.length - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (recordOf[mid] <= record) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }
}
