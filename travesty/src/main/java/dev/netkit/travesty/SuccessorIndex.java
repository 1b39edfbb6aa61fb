package dev.netkit.travesty;

import java.util.Arrays;

/**
 * The contexts of a text and their successor lists, all in one {@code int[]} (a
 * compressed-sparse-row layout), built in a few linear passes over the text's word ids.
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
   * Builds the index of a text.
   *
   * <p>First it interns the context after every word (the start context, of "no word" lanes,
   * precedes the first word, as in the book), which gives the trail of states the text went
   * through: transition {@code i} goes from {@code states[i]} to {@code states[i + 1]}. Then it
   * counts the successors of each state, lays the records out, and fills them in text order;
   * while filling, a record's count field is its own fill cursor (it ends as the count), so that
   * a transition writes one cache line of the records and needs no separate cursor array.
   *
   * @param text the word ids of the text
   * @param length the number of words, at least 1
   * @param order the number of words per state, 1 to 4
   * @param words the decoded words (for the location of each state's newest word)
   * @return the index
   * @throws IllegalStateException if the records would not fit one array
   */
  static SuccessorIndex build(int[] text, int length, int order,
      WordTable.DecodedWords words) {
    Trail trail = Trail.of(text, length, order);
    int stateCount = trail.lastWords().length;
    long size = (long) TARGETS * stateCount + length;
    if (size > Capacity.MAX_ARRAY_LENGTH) {
      throw Capacity.full("successor records", size);
    }
    int[] states = trail.states();
    int[] recordOf = new int[stateCount];
    for (int i = 0; i < length; i++) {
      recordOf[states[i]]++;
    }
    int next = 0;
    for (int state = 0; state < stateCount; state++) {
      int count = recordOf[state];
      recordOf[state] = next;
      next += TARGETS + count;
    }
    int[] records = new int[(int) size];
    locateWords(records, recordOf, trail.lastWords(), words.starts());
    for (int i = 0; i < length; i++) {
      int record = recordOf[states[i]];
      records[record + TARGETS + records[record + COUNT]++] = recordOf[states[i + 1]];
    }
    int contexts = stateCount - (trail.lastIsNew() ? 1 : 0);
    return new SuccessorIndex(records, recordOf, contexts, states[length]);
  }

  /**
   * The states a text went through: {@code states[i]} is the state after word {@code i - 1}
   * ({@code states[0]} is the start state); each state's newest word; whether the last state
   * occurs only at the end. The {@link StateTable} that assigned the ids is not kept, so that its
   * memory is free before the records are allocated.
   */
  private record Trail(int[] states, int[] lastWords, boolean lastIsNew) {

    static Trail of(int[] text, int length, int order) {
      long hiMask = order <= 2 ? 0 : order == 3 ? 0xFFFF_FFFFL : -1L;
      long loMask = order == 1 ? 0xFFFF_FFFFL : -1L;
      StateTable table = new StateTable(order, length / 2 + 1);
      int[] states = new int[length + 1];
      states[0] = table.intern(0, 0);
      long hi = 0;
      long lo = 0;
      for (int i = 0; i < length; i++) {
        hi = (hi << 32 | lo >>> 32) & hiMask;
        lo = (lo << 32 | text[i] + 1L) & loMask;
        states[i + 1] = table.intern(hi, lo);
      }
      return new Trail(states, Arrays.copyOf(table.lastWords(), table.size()),
          table.lastWasNew());
    }
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
