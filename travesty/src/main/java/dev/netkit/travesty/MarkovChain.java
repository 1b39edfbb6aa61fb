package dev.netkit.travesty;

import java.util.Arrays;

/**
 * The analysis side of the engine: interns words and states as text arrives, records the trail of
 * states the text went through, and builds the {@link SuccessorIndex} from that trail on demand.
 *
 * <p>The context of the next word is kept as a packed key (see {@link StateTable}); the first
 * word of a model is preceded by the start state, whose lanes are all "no word", so the first
 * {@code order} words have states of their own like in the book.
 *
 * <p>Not thread-safe.
 */
final class MarkovChain {

  private static final int INITIAL_TRAIL = 1 << 10;

  private final int order;
  private final long hiMask;
  private final long loMask;
  private WordTable words;
  private StateTable states;
  private int[] trail;
  private int trailLength;
  private long hi;
  private long lo;
  private boolean lastStateIsNew;
  private SuccessorIndex index;
  private int[] batchIds = new int[256];
  private long[] batchHi = new long[256];
  private long[] batchLo = new long[256];

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
   * Adds a batch of words, in text order: the state each word leads to follows the one before.
   *
   * @param buf holds the words, in UTF-8
   * @param from index of the first byte of each word
   * @param to index after the last byte of each word
   * @param count the number of words, at least 1
   * @throws IllegalStateException if the model is full
   */
  void addWords(byte[] buf, int[] from, int[] to, int count) {
    if (batchIds.length < count) {
      batchIds = new int[count];
      batchHi = new long[count];
      batchLo = new long[count];
    }
    words.internAll(buf, from, to, count, batchIds);
    if (trailLength == 0) {
      reserve(1);
      trail[trailLength++] = states.intern(0, 0);
    }
    long h = hi;
    long l = lo;
    for (int i = 0; i < count; i++) {
      h = (h << 32 | l >>> 32) & hiMask;
      l = (l << 32 | batchIds[i] + 1L) & loMask;
      batchHi[i] = h;
      batchLo[i] = l;
    }
    hi = h;
    lo = l;
    reserve(count);
    states.internAll(batchHi, batchLo, count, trail, trailLength);
    trailLength += count;
    lastStateIsNew = states.lastWasNew();
    index = null;
  }

  /**
   * Returns the successor index, building it if text arrived since the last call.
   *
   * @return the index
   * @throws IllegalStateException if no word has been added, or the index would not fit
   */
  SuccessorIndex index() {
    if (trailLength == 0) {
      throw new IllegalStateException("no data analyzed");
    }
    if (index == null) {
      index = SuccessorIndex.build(trail, trailLength, states);
    }
    return index;
  }

  /**
   * Returns the state after the last word added.
   *
   * @return the state id
   * @throws IllegalStateException if no word has been added
   */
  int lastState() {
    if (trailLength == 0) {
      throw new IllegalStateException("no data analyzed");
    }
    return trail[trailLength - 1];
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
    return Math.max(0, trailLength - 1);
  }

  /**
   * Returns the number of distinct states that have a successor: all of them but the last one,
   * when the last word led to a new state.
   *
   * @return the count
   */
  int statesWithSuccessors() {
    return states.size() - (lastStateIsNew ? 1 : 0);
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
    states = new StateTable(order);
    trail = new int[INITIAL_TRAIL];
    trailLength = 0;
    hi = 0;
    lo = 0;
    lastStateIsNew = false;
    index = null;
  }

  private void reserve(int count) {
    if (trailLength + count > trail.length) {
      trail = Arrays.copyOf(trail, Capacity.grow(trail.length, (long) trailLength + count,
          "words"));
    }
  }
}
