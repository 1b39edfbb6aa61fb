package dev.netkit.travesty;

import java.util.Arrays;

/**
 * The analysed text of a model: every word as an {@code int} id, in text order, plus the
 * {@link SuccessorIndex} that is built from it when a generation needs it.
 *
 * <p>Analysis does the least it can (split, intern the word, append its id), so that adding text
 * runs at the speed of reading it; the contexts and their successor lists are derived from the
 * ids (a radix sort) when the model is first used after new text arrived. The word table's hash
 * index is dropped then (the successor index needs the memory more) and rebuilt by the next word.
 *
 * <p>Not thread-safe.
 */
final class MarkovChain {

  private static final int INITIAL_TEXT = 1 << 10;

  private final int order;
  private WordTable words;
  private int[] text;
  private int length;
  private SuccessorIndex index;

  /**
   * Creates an empty chain.
   *
   * @param order the number of words per state, 1 to 4
   */
  MarkovChain(int order) {
    this.order = order;
    clear();
  }

  /**
   * Adds a batch of words, in text order.
   *
   * @param buf holds the words, in UTF-8
   * @param from index of the first byte of each word
   * @param to index after the last byte of each word
   * @param count the number of words, at least 1
   * @throws IllegalStateException if the model is full
   */
  void addWords(byte[] buf, int[] from, int[] to, int count) {
    if (length + (long) count > text.length) {
      text = Arrays.copyOf(text, Capacity.grow(text.length, length + (long) count, "words"));
    }
    words.internAll(buf, from, to, count, text, length);
    length += count;
    index = null;
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
      WordTable.DecodedWords decoded = words.chars();
      words.releaseIndex();
      index = SuccessorIndex.build(text, length, order, decoded, words.size());
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
    text = new int[INITIAL_TEXT];
    length = 0;
    index = null;
  }
}
