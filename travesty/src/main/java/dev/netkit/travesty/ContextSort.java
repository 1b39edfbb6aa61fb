package dev.netkit.travesty;

/**
 * Groups the positions of a text by their context, without a hash table: a stable least
 * significant digit radix sort whose digits are the context's word ids, one counting sort per
 * word of the context.
 *
 * <p>Position {@code p} (0 to {@code length}) stands for the context after word {@code p - 1}:
 * its lane {@code d} (0 = the newest word) is {@code text[p - 1 - d] + 1}, or 0 ("no word") before
 * the start of the text, so position 0 is the start context. The newest word is the most
 * significant digit. Since every pass is stable, the positions of one context end up next to
 * each other in text order.
 *
 * <p>Each pass also marks where a group of equal contexts starts (the sign bit of the entry),
 * without comparing keys: an entry starts a group when the group it belonged to after the
 * previous pass differs from that of the entry written last into the same bucket. The grouping
 * therefore costs {@code order} passes over the positions, each reading the text at one lane.
 *
 * <p>The last pass also marks the first position of each group in a bit set. A utility class
 * without state.
 */
final class ContextSort {

  /** Marks an entry that starts a group of equal contexts. */
  static final int GROUP_START = Integer.MIN_VALUE;
  /** Extracts the position from an entry. */
  static final int POSITION = Integer.MAX_VALUE;

  /** A bucket's state before its first entry: last group -1, cursor 0. */
  private static final long NO_GROUP = -1L << 32;

  private ContextSort() {
  }

  /**
   * The positions of a text in context order.
   *
   * @param positions {@code length + 1} entries: positions ({@code & POSITION}) in context order,
   *     the first of each group of equal contexts marked with {@link #GROUP_START}
   * @param groups the number of groups (distinct contexts)
   * @param firsts a bit set over positions: the first position of each group
   */
  record Grouping(int[] positions, int groups, long[] firsts) {
  }

  /**
   * Sorts the positions {@code 0 … length} of a text by context.
   *
   * @param text the word ids of the text, each in {@code [0, wordCount)}
   * @param length the number of words
   * @param order the number of words per context, 1 to 4
   * @param wordCount the number of distinct word ids
   * @param spare an array of at least {@code length + 1} entries, overwritten (the passes
   *     alternate between it and a new array, which ends up holding the positions: {@code spare}
   *     is free again afterwards)
   * @return the grouping
   */
  static Grouping sort(int[] text, int length, int order, int wordCount, int[] spare) {
    int buckets = wordCount + 1;
    int[] frequency = new int[buckets];
    for (int i = 0; i < length; i++) {
      frequency[text[i] + 1]++;
    }
    // Per bucket, in one long (one memory access): the group written last into it (upper half)
    // and its cursor (lower half).
    long[] bucketState = new long[buckets];
    long[] firsts = new long[(length >>> 6) + 1];
    int[] result = new int[length + 1];
    int[] src = null;
    int[] dst = order % 2 == 1 ? result : spare;
    int groups = 0;
    for (int lane = order - 1; lane >= 0; lane--) {
      startBuckets(bucketState, frequency, text, length, lane);
      long[] marks = lane == 0 ? firsts : null;
      groups = pass(text, length, lane, bucketState, src, dst, marks);
      src = dst;
      dst = dst == result ? spare : result;
    }
    return new Grouping(src, groups, firsts);
  }

  /**
   * Sets each bucket's cursor to where its first entry goes for lane {@code lane}, which holds
   * the words {@code text[0 … length - 1 - lane]} and {@code lane + 1} zeros, and its last group
   * to none (-1).
   */
  private static void startBuckets(long[] bucketState, int[] frequency, int[] text, int length,
      int lane) {
    int cut = Math.max(0, length - lane);
    for (int i = cut; i < length; i++) {
      frequency[text[i] + 1]--;
    }
    int next = Math.min(lane, length) + 1;
    bucketState[0] = NO_GROUP;
    for (int v = 1; v < frequency.length; v++) {
      bucketState[v] = NO_GROUP | next;
      next += frequency[v];
    }
    for (int i = cut; i < length; i++) {
      frequency[text[i] + 1]++;
    }
  }

  /**
   * One counting sort by lane {@code lane}, over the output of the previous pass, or over the
   * positions in text order when {@code src} is null (all in one group then). One method for
   * every pass, so that a pass after the first runs compiled code in a cold JVM.
   *
   * @return the number of groups
   */
  private static int pass(int[] text, int length, int lane, long[] bucketState, int[] src,
      int[] dst, long[] firsts) {
    int group = src == null ? 0 : -1;
    int groups = 0;
    for (int i = 0; i <= length; i++) {
      int entry = src == null ? i : src[i];
      group += entry >>> 31;
      int p = entry & POSITION;
      int at = p - 1 - lane;
      int bucket = at >= 0 ? text[at] + 1 : 0;
      long state = bucketState[bucket];
      int cursor = (int) state;
      int mark = (int) (state >>> 32) != group ? GROUP_START : 0;
      bucketState[bucket] = (long) group << 32 | cursor + 1;
      dst[cursor] = p | mark;
      if (mark != 0) {
        groups++;
        markFirst(firsts, p);
      }
    }
    return groups;
  }

  /** Sets bit {@code p} of {@code firsts}, unless it is null (a pass before the last). */
  private static void markFirst(long[] firsts, int p) {
    if (firsts != null) {
      firsts[p >>> 6] |= 1L << p;
    }
  }
}
