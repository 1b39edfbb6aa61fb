package dev.netkit.travesty;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns words: maps each distinct word, a sequence of UTF-8 bytes, to a dense {@code int} id
 * (0, 1, 2, …) without an object per word. The bytes of all words sit in one arena; word
 * {@code id} spans {@code bytes[starts[id]]} up to {@code bytes[starts[id + 1]]}. Words are
 * compared byte for byte, like Perl compares the byte strings of the book's module.
 *
 * <p>The hash index is open addressing with linear probing over a {@code long[]}: each slot holds
 * the word's 32-bit hash in the upper half and {@code id + 1} in the lower half (0 = empty), so a
 * probe compares hashes without touching the arena and a rehash never recomputes a hash. The
 * arena keeps eight spare bytes at its end so that a word of up to eight bytes is compared with one
 * masked {@code long} load.
 *
 * <p>For output, {@link #chars()} decodes the words to UTF-16 once, on demand (malformed bytes
 * become U+FFFD).
 *
 * <p>Not thread-safe.
 */
final class WordTable {

  private static final int INITIAL_SLOTS = 1 << 10;
  private static final int INITIAL_BYTES = 1 << 12;
  private static final long HASH_BITS = 0xFFFF_FFFF_0000_0000L;
  private static final long MULTIPLIER = 0x9E37_79B9_7F4A_7C15L;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private long[] slots = new long[INITIAL_SLOTS];
  private byte[] bytes = new byte[INITIAL_BYTES];
  private int[] starts = new int[INITIAL_SLOTS / 2 + 1];
  private int size;
  private int resizeAt = maxLoad(INITIAL_SLOTS);
  private DecodedWords decoded = new DecodedWords();
  /** Written by {@link #warm} so that the compiler keeps its loads. */
  @SuppressWarnings("unused")
  private long warmed;

  /**
   * Interns a batch of words: the ids of words that are new are assigned in batch order.
   *
   * <p>The slots of the whole batch are read once before the lookups: independent loads that the
   * processor overlaps, where lookup after lookup would wait for one cache miss at a time.
   *
   * @param buf holds the words
   * @param from index of the first byte of each word
   * @param to index after the last byte of each word
   * @param count the number of words
   * @param ids receives the id of each word
   * @throws IllegalStateException if the table cannot grow any more
   */
  void internAll(byte[] buf, int[] from, int[] to, int count, int[] ids) {
    for (int i = 0; i < count; i++) {
      ids[i] = hash(buf, from[i], to[i]);
    }
    warm(ids, count);
    for (int i = 0; i < count; i++) {
      ids[i] = intern(ids[i], buf, from[i], to[i]);
    }
  }

  /**
   * Returns the number of distinct words.
   *
   * @return the count
   */
  int size() {
    return size;
  }

  /**
   * Returns the words decoded to UTF-16, decoding the words added since the last call.
   *
   * @return the decoded words, valid until the next {@link #internAll}
   */
  DecodedWords chars() {
    decoded.decode(bytes, starts, size);
    return decoded;
  }

  private int intern(int hash, byte[] buf, int from, int to) {
    long tag = (long) hash << 32;
    int mask = slots.length - 1;
    int i = hash & mask;
    long slot;
    while ((slot = slots[i]) != 0) {
      if ((slot & HASH_BITS) == tag) {
        int id = (int) slot - 1;
        if (matches(id, buf, from, to)) {
          return id;
        }
      }
      i = (i + 1) & mask;
    }
    return insert(i, tag, buf, from, to);
  }

  /** Loads the home slot of each hash, and the word offsets it points to, into the cache. */
  private void warm(int[] hashes, int count) {
    long[] table = slots;
    int[] offsets = starts;
    int mask = table.length - 1;
    long sum = 0;
    for (int i = 0; i < count; i++) {
      long slot = table[hashes[i] & mask];
      sum += offsets[(int) slot];
    }
    warmed = sum;
  }

  private boolean matches(int id, byte[] buf, int from, int to) {
    int start = starts[id];
    int length = starts[id + 1] - start;
    if (length != to - from) {
      return false;
    }
    if (length <= Long.BYTES && from <= buf.length - Long.BYTES) {
      long mask = -1L >>> (Long.SIZE - Byte.SIZE * length);
      return (((long) LONGS.get(bytes, start) ^ (long) LONGS.get(buf, from)) & mask) == 0;
    }
    return Arrays.equals(bytes, start, start + length, buf, from, to);
  }

  private int insert(int slot, long tag, byte[] buf, int from, int to) {
    int length = to - from;
    int start = starts[size];
    if (start + (long) length + Long.BYTES > bytes.length) {
      bytes = Arrays.copyOf(bytes, Capacity.grow(bytes.length, start + (long) length + Long.BYTES,
          "bytes of distinct words"));
    }
    if (size + 2 > starts.length) {
      starts = Arrays.copyOf(starts, Capacity.grow(starts.length, size + 2L, "distinct words"));
    }
    System.arraycopy(buf, from, bytes, start, length);
    int id = size++;
    starts[size] = start + length;
    slots[slot] = tag | (id + 1);
    if (size > resizeAt) {
      rehash();
    }
    return id;
  }

  private void rehash() {
    if (slots.length > Capacity.MAX_ARRAY_LENGTH / 2) {
      throw Capacity.full("distinct words", size);
    }
    long[] bigger = new long[slots.length * 2];
    int mask = bigger.length - 1;
    for (long slot : slots) {
      if (slot != 0) {
        int i = (int) (slot >>> 32) & mask;
        while (bigger[i] != 0) {
          i = (i + 1) & mask;
        }
        bigger[i] = slot;
      }
    }
    slots = bigger;
    resizeAt = maxLoad(bigger.length);
  }

  private static int maxLoad(int slotCount) {
    return slotCount / 2;
  }

  /**
   * Hashes bytes eight at a time (a multiply-xorshift over little-endian longs), then mixes the
   * result with Stafford's variant 13 finalizer so that its low bits index the table well.
   *
   * @param buf holds the bytes
   * @param from index of the first byte
   * @param to index after the last byte
   * @return the hash
   */
  static int hash(byte[] buf, int from, int to) {
    long h = to - from;
    int i = from;
    for (; i <= to - Long.BYTES; i += Long.BYTES) {
      h = (h ^ (long) LONGS.get(buf, i)) * MULTIPLIER;
      h ^= h >>> 29;
    }
    if (i < to) {
      h = (h ^ tail(buf, i, to)) * MULTIPLIER;
    }
    h ^= h >>> 30;
    h *= 0xBF58_476D_1CE4_E5B9L;
    h ^= h >>> 27;
    h *= 0x94D0_49BB_1331_11EBL;
    return (int) (h ^ h >>> 31);
  }

  /** The 1 to 7 bytes from {@code from} to {@code to} as a little-endian long. */
  private static long tail(byte[] buf, int from, int to) {
    int count = to - from;
    if (from <= buf.length - Long.BYTES) {
      return (long) LONGS.get(buf, from) & -1L >>> (Long.SIZE - Byte.SIZE * count);
    }
    long tail = 0;
    for (int k = count - 1; k >= 0; k--) {
      tail = tail << Byte.SIZE | buf[from + k] & 0xFFL;
    }
    return tail;
  }

  /** The words in UTF-16 for output: word {@code id} spans {@code chars[starts[id]…starts[id+1]]}. */
  static final class DecodedWords {

    private char[] chars = new char[INITIAL_BYTES];
    private int[] starts = new int[INITIAL_SLOTS / 2 + 1];
    private int count;

    /**
     * Returns the character arena.
     *
     * @return the arena
     */
    char[] chars() {
      return chars;
    }

    /**
     * Returns the start offsets of the words in {@link #chars()}.
     *
     * @return the offsets
     */
    int[] starts() {
      return starts;
    }

    private void decode(byte[] bytes, int[] byteStarts, int size) {
      if (starts.length < size + 1) {
        starts = Arrays.copyOf(starts, Capacity.grow(starts.length, size + 1L, "distinct words"));
      }
      for (int id = count; id < size; id++) {
        int from = byteStarts[id];
        int length = byteStarts[id + 1] - from;
        int at = starts[id];
        if (isAscii(bytes, from, length)) {
          ensure(at + (long) length);
          for (int k = 0; k < length; k++) {
            chars[at + k] = (char) bytes[from + k];
          }
          starts[id + 1] = at + length;
        } else {
          String word = new String(bytes, from, length, StandardCharsets.UTF_8);
          ensure(at + (long) word.length());
          word.getChars(0, word.length(), chars, at);
          starts[id + 1] = at + word.length();
        }
      }
      count = size;
    }

    private static boolean isAscii(byte[] bytes, int from, int length) {
      for (int k = from; k < from + length; k++) {
        if (bytes[k] < 0) {
          return false;
        }
      }
      return true;
    }

    private void ensure(long length) {
      if (length > chars.length) {
        chars = Arrays.copyOf(chars, Capacity.grow(chars.length, length,
            "characters of distinct words"));
      }
    }
  }
}
