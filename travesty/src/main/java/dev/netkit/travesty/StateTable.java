package dev.netkit.travesty;

import java.util.Arrays;

/**
 * Interns chain states: maps each distinct context of {@code order} words to a dense {@code int}
 * state id (0, 1, 2, …), and remembers the newest word of each state.
 *
 * <p>A context is packed into a 128-bit key {@code (hi, lo)} of 32-bit lanes, oldest word first,
 * newest word in the low lane of {@code lo}; a lane holds {@code wordId + 1}, and 0 means "no
 * word" (the start of the text). Orders 1 and 2 fit in {@code lo} alone ({@code hi} is 0), so
 * their slots are two {@code long}s ({@code lo}, {@code id + 1}); orders 3 and 4 use three
 * ({@code lo}, {@code hi}, {@code id + 1}). Keys live in the slots themselves (open addressing,
 * linear probing), so a probe touches one cache line; the home slot is given by the hash's top
 * bits, so growing the table copies the slots forward in order instead of scattering them.
 *
 * <p>Not thread-safe.
 */
final class StateTable {

  private static final int INITIAL_SLOTS = 1 << 10;
  private static final int MAX_INITIAL_SLOTS = 1 << 26;
  private static final double MAX_LOAD = 0.7;

  private final boolean wide;
  private final int stride;
  private long[] table;
  private int slotMask;
  private int shift;
  private int size;
  private int resizeAt;
  private boolean lastWasNew;
  private int[] lastWords;

  /**
   * Creates an empty table.
   *
   * @param order the number of words per context, 1 to 4
   * @param expected how many states are expected (the table grows past it)
   */
  StateTable(int order, int expected) {
    this.wide = order > 2;
    this.stride = wide ? 3 : 2;
    int slots = INITIAL_SLOTS;
    while (slots * MAX_LOAD < expected && slots < MAX_INITIAL_SLOTS) {
      slots *= 2;
    }
    allocate(slots);
    lastWords = new int[Math.max(INITIAL_SLOTS, Math.min(expected, MAX_INITIAL_SLOTS))];
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
    int home = (int) (mix(hi, lo) >>> shift);
    return wide ? internWide(home, hi, lo) : internNarrow(home, lo);
  }

  /**
   * Returns whether the last context interned was new.
   *
   * @return true if the last call added a state
   */
  boolean lastWasNew() {
    return lastWasNew;
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
   * Returns the newest word of each state (the word a walk emits on entering it), -1 for a state
   * that holds no word.
   *
   * @return the word ids, indexed by state id; {@link #size()} of them are valid
   */
  int[] lastWords() {
    return lastWords;
  }

  private int internNarrow(int home, long lo) {
    long[] slots = table;
    int i = home;
    for (;;) {
      int base = i << 1;
      long idPlusOne = slots[base + 1];
      if (idPlusOne == 0) {
        return insert(base, 0, lo);
      }
      if (slots[base] == lo) {
        lastWasNew = false;
        return (int) idPlusOne - 1;
      }
      i = (i + 1) & slotMask;
    }
  }

  private int internWide(int home, long hi, long lo) {
    long[] slots = table;
    int i = home;
    for (;;) {
      int base = i * 3;
      long idPlusOne = slots[base + 2];
      if (idPlusOne == 0) {
        return insert(base, hi, lo);
      }
      if (slots[base] == lo && slots[base + 1] == hi) {
        lastWasNew = false;
        return (int) idPlusOne - 1;
      }
      i = (i + 1) & slotMask;
    }
  }

  private int insert(int base, long hi, long lo) {
    int id = size++;
    table[base] = lo;
    if (wide) {
      table[base + 1] = hi;
    }
    table[base + stride - 1] = id + 1L;
    if (id == lastWords.length) {
      lastWords = Arrays.copyOf(lastWords, Capacity.grow(lastWords.length, id + 1L, "states"));
    }
    lastWords[id] = (int) lo - 1;
    lastWasNew = true;
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
        int i = (int) (mix(hi, lo) >>> shift);
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
    shift = Long.numberOfLeadingZeros(slots) + 1;
    resizeAt = (int) (slots * MAX_LOAD);
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
