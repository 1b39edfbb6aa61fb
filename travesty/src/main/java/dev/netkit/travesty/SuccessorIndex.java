package dev.netkit.travesty;

/**
 * The successor lists of every state in one {@code int[]}, built in two passes from the trail of
 * states the analysed text went through (a compressed-sparse-row layout).
 *
 * <p>Each state has one variable-length record: {@code [count, word, target_1 … target_count]}.
 * {@code word} is the newest word of the state (what a walk emits on entering it); each target
 * is the record index of a successor state, repeated as often as the transition occurred in the
 * text, in text order. A walk therefore needs no hash lookup: from record {@code r} it jumps to
 * {@code records[r + TARGETS + k]}, and the count, the word and (for the many states with one or
 * two successors) the targets share a cache line.
 */
final class SuccessorIndex {

  /** Offset of the successor count in a record. */
  static final int COUNT = 0;
  /** Offset of the state's newest word id in a record. */
  static final int WORD = 1;
  /** Offset of the first successor in a record. */
  static final int TARGETS = 2;

  private final int[] records;
  private final int[] recordOf;

  private SuccessorIndex(int[] records, int[] recordOf) {
    this.records = records;
    this.recordOf = recordOf;
  }

  /**
   * Builds the index.
   *
   * @param trail the state after each word, starting with the start state: transition {@code i}
   *     goes from {@code trail[i]} to {@code trail[i + 1]}
   * @param length the number of states in {@code trail}
   * @param states the state table (for each state's newest word)
   * @return the index
   * @throws IllegalStateException if the records would not fit one array
   */
  static SuccessorIndex build(int[] trail, int length, StateTable states) {
    int stateCount = states.size();
    long size = (long) TARGETS * stateCount + Math.max(0, length - 1);
    if (size > Capacity.MAX_ARRAY_LENGTH) {
      throw Capacity.full("successor records", size);
    }
    int[] cursor = new int[stateCount];
    for (int i = 0; i < length - 1; i++) {
      cursor[trail[i]]++;
    }
    int[] records = new int[(int) size];
    int[] recordOf = new int[stateCount];
    int next = 0;
    for (int state = 0; state < stateCount; state++) {
      recordOf[state] = next;
      records[next + COUNT] = cursor[state];
      cursor[state] = next + TARGETS;
      next += TARGETS + records[next + COUNT];
    }
    states.writeLastWords(records, recordOf);
    for (int i = 0; i < length - 1; i++) {
      records[cursor[trail[i]]++] = recordOf[trail[i + 1]];
    }
    return new SuccessorIndex(records, recordOf);
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
