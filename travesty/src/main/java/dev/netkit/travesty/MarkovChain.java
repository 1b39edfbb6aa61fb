package dev.netkit.travesty;

import java.util.Arrays;

/**
 * The analysed text of a model, kept as the trail of chain states it went through, plus the
 * {@link SuccessorIndex} that is laid out from it when a generation needs it.
 *
 * <p>Analysis interns each word, then at once the context it completes (the last {@code order}
 * words, packed into lanes of {@code long}s, see {@link StateTable}), appends that state's id to
 * the trail and counts one more successor for the state before it. So the text is read once:
 * when a generation comes, the contexts and the size of every successor list are already known,
 * and the index only has to lay the records out and copy the transitions into them.
 *
 * <p>Not thread-safe.
 */
final class MarkovChain {

  private static final int INITIAL_TEXT = 1 << 10;
  private static final int INITIAL_STATES = 1 << 10;

  private final int order;
  private final long hiMask;
  private final long loMask;
  private WordTable words;
  private StateTable contexts;
  /** {@code trail[i]} is the state after word {@code i - 1}; {@code trail[0]} is the start. */
  private int[] trail;
  /** The transitions out of each state so far (its successor count). */
  private int[] successors;
  private int[] ids = new int[INITIAL_TEXT];
  private int length;
  private long hi;
  private long lo;
  private SuccessorIndex index;

  /**
   * Creates an empty chain.
   *
   * @param order the number of words per state, 1 to 4
   */
  MarkovChain(int order) {
    this.order = order;
    this.hiMask = order <= 2 ? 0 : order == 3 ? 0xFFFF_FFFFL : -1L;
    this.loMask = order == 1 ? 0xFFFF_FFFFL : -1L;
    clear();
  }

  /**
   * Adds a batch of words, in text order.
   *
   * @param buf holds the words, in UTF-8
   * @param from index of the first byte of each word
   * @param to index after the last byte of each word
   * @param count the number of words, at least 1
   * @throws IllegalStateException if the model is full; the words before the one that did not
   *     fit stay analysed
   */
  void addWords(byte[] buf, int[] from, int[] to, int count) {
    if (length + 1L + count > trail.length) {
      trail = Arrays.copyOf(trail, Capacity.grow(trail.length, length + 1L + count, "words"));
    }
    if (ids.length < count) {
      ids = new int[Math.max(count, 2 * ids.length)];
    }
    index = null;
    words.internAll(buf, from, to, count, ids, 0);
    int[] path = trail;
    int n = length;
    long h = hi;
    long l = lo;
    try {
      for (int k = 0; k < count; k++) {
        h = (h << 32 | l >>> 32) & hiMask;
        l = (l << 32 | ids[k] + 1L) & loMask;
        int state = contexts.intern(h, l);
        if (state == successors.length) {
          successors = Arrays.copyOf(successors,
              Capacity.grow(successors.length, state + 1L, "states"));
        }
        successors[path[n]]++;
        path[++n] = state;
        hi = h;
        lo = l;
      }
    } finally {
      length = n;
    }
  }

  /**
   * Returns the successor index, building it if text arrived since the last call.
   *
   * @return the index
   * @throws IllegalStateException if no word has been added, or the index would not fit
   */
  SuccessorIndex index() {
    if (length == 0) {
      throw new IllegalStateException("no data analyzed");
    }
    if (index == null) {
      index = SuccessorIndex.build(trail, length, contexts.size(), successors,
          contexts.lastWords(), contexts.lastWasNew(), words.chars());
    }
    return index;
  }

  /**
   * Returns the words.
   *
   * @return the word table
   */
  WordTable words() {
    return words;
  }

  /**
   * Returns the number of words added (with repetitions).
   *
   * @return the count
   */
  long wordCount() {
    return length;
  }

  /**
   * Returns the number of words per state.
   *
   * @return the order
   */
  int order() {
    return order;
  }

  /** Forgets everything and releases the memory. */
  void clear() {
    words = new WordTable();
    contexts = new StateTable(order, INITIAL_STATES);
    trail = new int[INITIAL_TEXT];
    successors = new int[INITIAL_STATES];
    length = 0;
    hi = 0;
    lo = 0;
    trail[0] = contexts.intern(0, 0);
    index = null;
  }
}
