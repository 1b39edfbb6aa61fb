package dev.netkit.travesty;

/**
 * The contexts of a text and their successor lists, all in one {@code int[]} (a
 * compressed-sparse-row layout), built by sorting the positions of the text by context.
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
   * <p>The positions of the text (the start context, then the context after every word, as in
   * the book) are grouped by context with a {@link ContextSort}; each group is a state. States
   * are numbered in the order of their first occurrence in the text (the start context, of "no
   * word" lanes, is state 0), so that they keep their numbers when more text is added, and the
   * records are laid out in state order, which keeps a walk that follows the text near its last
   * record. Transition {@code p} goes from the state at position {@code p} to the one at
   * {@code p + 1}.
   *
   * <p>One pass over the groups notes the state of every position and counts each state's
   * successors (the sort marks each group's first position in a bit set, whose prefix counts
   * give the state's number); the sorted positions are then dropped. The counts give the
   * records' places, the records are allocated, one pass over the states writes where their
   * newest words are, and one pass over the text fills each record's targets in text order, the
   * record's count field serving as its fill cursor.
   *
   * @param text the word ids of the text
   * @param length the number of words, at least 1
   * @param order the number of words per state, 1 to 4
   * @param words the decoded words (for the location of each state's newest word)
   * @param wordCount the number of distinct words
   * @return the index
   * @throws IllegalStateException if the records would not fit one array
   */
  static SuccessorIndex build(int[] text, int length, int order,
      WordTable.DecodedWords words, int wordCount) {
    int[] stateAt = new int[length + 1];
    ContextSort.Grouping grouping = ContextSort.sort(text, length, order, wordCount, stateAt);
    int stateCount = grouping.groups();
    long size = (long) TARGETS * stateCount + length;
    if (size > Capacity.MAX_ARRAY_LENGTH) {
      throw Capacity.full("successor records", size);
    }
    long[] firsts = grouping.firsts();
    int[] recordOf = new int[stateCount];
    int lastState = number(grouping.positions(), length, firsts, stateAt, recordOf);
    grouping = null;
    int next = 0;
    for (int state = 0; state < stateCount; state++) {
      int count = recordOf[state];
      recordOf[state] = next;
      next += TARGETS + count;
    }
    int[] records = new int[(int) size];
    locateWords(text, firsts, recordOf, words.starts(), records);
    int record = recordOf[stateAt[0]];
    for (int p = 0; p < length; p++) {
      int target = recordOf[stateAt[p + 1]];
      records[record + TARGETS + records[record + COUNT]++] = target;
      record = target;
    }
    boolean lastIsNew = records[recordOf[lastState] + COUNT] == 0;
    return new SuccessorIndex(records, recordOf, stateCount - (lastIsNew ? 1 : 0), lastState);
  }

  /**
   * Notes the state of every position in {@code stateAt} and counts the successors of every
   * state in {@code counts}.
   *
   * @return the state at the end of the text
   */
  private static int number(int[] sorted, int length, long[] firsts, int[] stateAt,
      int[] counts) {
    int[] before = ranks(firsts);
    int state = 0;
    int lastState = 0;
    for (int i = 0; i <= length; i++) {
      int entry = sorted[i];
      int p = entry & ContextSort.POSITION;
      if (entry < 0) {
        state = rank(firsts, before, p);
      }
      if (p < length) {
        counts[state]++;
      } else {
        lastState = state;
      }
      stateAt[p] = state;
    }
    return lastState;
  }

  /** Writes where the newest word of each state is, visiting states by their first position. */
  private static void locateWords(int[] text, long[] firsts, int[] recordOf, int[] starts,
      int[] records) {
    int state = 0;
    for (int w = 0; w < firsts.length; w++) {
      for (long bits = firsts[w]; bits != 0; bits &= bits - 1) {
        int p = (w << 6) + Long.numberOfTrailingZeros(bits);
        int record = recordOf[state++];
        if (p > 0) {
          int word = text[p - 1];
          records[record + START] = starts[word];
          records[record + END] = starts[word + 1];
        }
      }
    }
  }

  /** The number of bits set before each word of a bit set. */
  private static int[] ranks(long[] bits) {
    int[] before = new int[bits.length];
    int count = 0;
    for (int w = 0; w < bits.length; w++) {
      before[w] = count;
      count += Long.bitCount(bits[w]);
    }
    return before;
  }

  /** The number of bits set before bit {@code p}. */
  private static int rank(long[] bits, int[] before, int p) {
    return before[p >>> 6] + Long.bitCount(bits[p >>> 6] & (1L << p) - 1);
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
   * Returns the state whose record starts at {@code record} (records are in state order).
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
