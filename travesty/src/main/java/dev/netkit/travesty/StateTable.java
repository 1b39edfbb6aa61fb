package dev.netkit.travesty;

/**
 * Interns chain states: maps each distinct context of {@code order} words to a dense {@code int}
 * state id (0, 1, 2, …).
 *
 * <p>A context is packed into a 128-bit key {@code (hi, lo)} of 32-bit lanes, oldest word first,
 * newest word in the low lane of {@code lo}; a lane holds {@code wordId + 1}, and 0 means "no
 * word" (the start of the text). Orders 1 and 2 fit in {@code lo} alone ({@code hi} is 0), so
 * their slots are two {@code long}s ({@code lo}, {@code id + 1}); orders 3 and 4 use three
 * ({@code lo}, {@code hi}, {@code id + 1}). Keys live in the slots themselves (open addressing,
 * linear probing), so a probe touches one cache line.
 *
 * <p>Not thread-safe.
 */
final class StateTable {

  private static final int INITIAL_SLOTS = 1 << 10;

  private final boolean wide;
  private final int stride;
  private long[] table;
  private int slotMask;
  private int size;
  private int resizeAt;
  private boolean lastWasNew;
  /** Written by {@link #internAll} so that the compiler keeps its warming loads. */
  @SuppressWarnings("unused")
  private long warmed;

  /**
   * Creates an empty table.
   *
   * @param order the number of words per context, 1 to 4
   */
  StateTable(int order) {
    this.wide = order > 2;
    this.stride = wide ? 3 : 2;
    allocate(INITIAL_SLOTS);
  }

  /**
   * Interns a batch of contexts; like {@link WordTable#internAll}, it reads the home slots of the
   * whole batch before the lookups so that their cache misses overlap.
   *
   * @param his the older lanes of each context (0 for orders 1 and 2)
   * @param los the newer lanes of each context
   * @param count the number of contexts
   * @param ids receives the state id of each context
   * @param offset where the first id goes in {@code ids}
   * @throws IllegalStateException if the table cannot grow any more
   */
  void internAll(long[] his, long[] los, int count, int[] ids, int offset) {
    long sum = 0;
    for (int i = 0; i < count; i++) {
      int hash = (int) mix(his[i], los[i]);
      ids[offset + i] = hash;
      sum += table[(hash & slotMask) * stride];
    }
    warmed = sum;
    for (int i = 0; i < count; i++) {
      ids[offset + i] = intern(ids[offset + i], his[i], los[i]);
    }
  }

  /**
   * Returns the id of a context, adding it when it is new.
   *
   * @param hi the older lanes (0 for orders 1 and 2)
   * @param lo the newer lanes
   * @return the state id
   * @throws IllegalStateException if the table cannot grow any more
   */
  int intern(long hi, long lo) {
    return intern((int) mix(hi, lo), hi, lo);
  }

  /**
   * Returns whether the last context interned was new.
   *
   * @return true if the last call added a state
   */
  boolean lastWasNew() {
    return lastWasNew;
  }

  private int intern(int hash, long hi, long lo) {
    int i = hash & slotMask;
    for (;;) {
      int base = i * stride;
      long idPlusOne = table[base + stride - 1];
      if (idPlusOne == 0) {
        lastWasNew = true;
        return insert(base, hi, lo);
      }
      if (table[base] == lo && (!wide || table[base + 1] == hi)) {
        lastWasNew = false;
        return (int) idPlusOne - 1;
      }
      i = (i + 1) & slotMask;
    }
  }

  /**
   * Returns the number of distinct states.
   *
   * @return the count
   */
  int size() {
    return size;
  }

  /**
   * Writes the newest word of every state into its successor record (the word a walk emits on
   * entering the state), or -1 for a state that holds no word yet.
   *
   * @param records the successor records
   * @param recordOf the record index of every state id
   */
  void writeLastWords(int[] records, int[] recordOf) {
    for (int base = 0; base < table.length; base += stride) {
      long idPlusOne = table[base + stride - 1];
      if (idPlusOne != 0) {
        int state = (int) idPlusOne - 1;
        records[recordOf[state] + SuccessorIndex.WORD] = (int) table[base] - 1;
      }
    }
  }

  private int insert(int base, long hi, long lo) {
    int id = size++;
    table[base] = lo;
    if (wide) {
      table[base + 1] = hi;
    }
    table[base + stride - 1] = id + 1L;
    if (size > resizeAt) {
      rehash();
    }
    return id;
  }

  private void rehash() {
    long[] old = table;
    int slots = old.length / stride;
    if ((long) slots * 2 * stride > Capacity.MAX_ARRAY_LENGTH) {
      throw Capacity.full("chain states", size);
    }
    allocate(slots * 2);
    for (int base = 0; base < old.length; base += stride) {
      if (old[base + stride - 1] != 0) {
        long lo = old[base];
        long hi = wide ? old[base + 1] : 0;
        int i = (int) mix(hi, lo) & slotMask;
        while (table[i * stride + stride - 1] != 0) {
          i = (i + 1) & slotMask;
        }
        System.arraycopy(old, base, table, i * stride, stride);
      }
    }
  }

  private void allocate(int slots) {
    table = new long[slots * stride];
    slotMask = slots - 1;
    resizeAt = (int) (slots * 0.7);
  }

  /** A 128-to-64-bit mix (Stafford's variant 13 finalizer over a multiply-combine). */
  private static long mix(long hi, long lo) {
    long h = lo * 0x9E37_79B9_7F4A_7C15L + hi * 0xC2B2_AE3D_27D4_EB4FL;
    h ^= h >>> 30;
    h *= 0xBF58_476D_1CE4_E5B9L;
    h ^= h >>> 27;
    h *= 0x94D0_49BB_1331_11EBL;
    return h ^ (h >>> 31);
  }
}
