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
 * <p>The hash index is open addressing with linear probing over a {@code long[]} of two-long
 * slots: the word's first eight bytes (zero-padded), then a tag in the upper half (the word's
 * hash, its low eight bits replaced by the word's length up to 255) and {@code id + 1} in the
 * lower half (0 = empty). A word of up to eight bytes, most words, is found by comparing one slot,
 * without touching the arena; a rehash never recomputes a hash. The home slot is given by the
 * tag's top bits, which keeps the table ordered by hash: growing it copies the slots forward in
 * order instead of scattering them.
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
  private static final int LENGTH_BITS = 0xFF;
  private static final long MULTIPLIER = 0x9E37_79B9_7F4A_7C15L;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private long[] slots = new long[2 * INITIAL_SLOTS];
  private int slotMask = INITIAL_SLOTS - 1;
  private byte[] bytes = new byte[INITIAL_BYTES];
  private int[] starts = new int[INITIAL_SLOTS / 2 + 1];
  private int size;
  private int shift = Integer.numberOfLeadingZeros(INITIAL_SLOTS) + 1;
  private int resizeAt = maxLoad(INITIAL_SLOTS);
  private DecodedWords decoded = new DecodedWords();

  /**
   * Interns a batch of words: the ids of words that are new are assigned in batch order.
   *
   * @param buf holds the words
   * @param from index of the first byte of each word
   * @param to index after the last byte of each word
   * @param count the number of words
   * @param ids receives the id of each word
   * @param offset where the first id goes in {@code ids}
   * @throws IllegalStateException if the table cannot grow any more
   */
  void internAll(byte[] buf, int[] from, int[] to, int count, int[] ids, int offset) {
    if (slots == null) {
      rebuildIndex();
    }
    for (int i = 0; i < count; i++) {
      ids[offset + i] = intern(buf, from[i], to[i]);
    }
  }

  /**
   * Drops the hash index while the words are only read (a model that is being indexed or that
   * generates), so that its memory, 16 bytes a slot, is free for the successor index. The next
   * {@link #internAll} rebuilds it from the arena, one hash per distinct word.
   */
  void releaseIndex() {
    slots = null;
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

  private int intern(byte[] buf, int from, int to) {
    int length = to - from;
    long prefix = prefix(buf, from, to);
    int key = hash(buf, from, to, prefix) & ~LENGTH_BITS | Math.min(length, LENGTH_BITS);
    long tag = (long) key << 32;
    long[] table = slots;
    int i = key >>> shift;
    for (;;) {
      int base = i << 1;
      long slot = table[base + 1];
      if (slot == 0) {
        return insert(base, tag, prefix, buf, from, to);
      }
      if ((slot & HASH_BITS) == tag && table[base] == prefix
          && (length <= Long.BYTES || restMatches((int) slot - 1, buf, from, to))) {
        return (int) slot - 1;
      }
      i = (i + 1) & slotMask;
    }
  }

  /**
   * Compares a word of more than eight bytes whose first eight bytes and tag match, eight bytes
   * at a time (the tag holds the length up to 255, which then matches too).
   */
  private boolean restMatches(int id, byte[] buf, int from, int to) {
    int length = to - from;
    int start = starts[id];
    if (length >= LENGTH_BITS && starts[id + 1] - start != length) {
      return false;
    }
    byte[] arena = bytes;
    int k = Long.BYTES;
    for (; k <= length - Long.BYTES; k += Long.BYTES) {
      if ((long) LONGS.get(arena, start + k) != (long) LONGS.get(buf, from + k)) {
        return false;
      }
    }
    for (; k < length; k++) {
      if (arena[start + k] != buf[from + k]) {
        return false;
      }
    }
    return true;
  }

  /** The first eight bytes of a word (zero-padded when shorter) as a little-endian long. */
  static long prefix(byte[] buf, int from, int to) {
    if (to - from >= Long.BYTES) {
      return (long) LONGS.get(buf, from);
    }
    return tail(buf, from, to);
  }

  private int insert(int base, long tag, long prefix, byte[] buf, int from, int to) {
    int length = to - from;
    int start = starts[size];
    if (start + (long) length > bytes.length) {
      bytes = Arrays.copyOf(bytes, Capacity.grow(bytes.length, start + (long) length,
          "bytes of distinct words"));
    }
    if (size + 2 > starts.length) {
      starts = Arrays.copyOf(starts, Capacity.grow(starts.length, size + 2L, "distinct words"));
    }
    System.arraycopy(buf, from, bytes, start, length);
    int id = size++;
    starts[size] = start + length;
    slots[base] = prefix;
    slots[base + 1] = tag | (id + 1);
    if (size > resizeAt) {
      rehash();
    }
    return id;
  }

  /** Doubles the table; home slots are the tag's top bits, so the copy moves forward in order. */
  private void rehash() {
    if (slots.length > Capacity.MAX_ARRAY_LENGTH / 2) {
      throw Capacity.full("distinct words", size);
    }
    long[] old = slots;
    slots = new long[old.length * 2];
    slotMask = slots.length / 2 - 1;
    shift--;
    resizeAt = maxLoad(slots.length / 2);
    for (int base = 0; base < old.length; base += 2) {
      long slot = old[base + 1];
      if (slot != 0) {
        int i = (int) (slot >>> 32) >>> shift;
        while (slots[(i << 1) + 1] != 0) {
          i = (i + 1) & slotMask;
        }
        slots[i << 1] = old[base];
        slots[(i << 1) + 1] = slot;
      }
    }
  }

  /** Makes the hash index of the words in the arena, sized as growing would have left it. */
  private void rebuildIndex() {
    int slotCount = INITIAL_SLOTS;
    while (maxLoad(slotCount) < size) {
      if (slotCount > Capacity.MAX_ARRAY_LENGTH / 4) {
        throw Capacity.full("distinct words", size);
      }
      slotCount *= 2;
    }
    long[] table = new long[2 * slotCount];
    slotMask = slotCount - 1;
    shift = Integer.numberOfLeadingZeros(slotCount) + 1;
    resizeAt = maxLoad(slotCount);
    for (int id = 0; id < size; id++) {
      int from = starts[id];
      int to = starts[id + 1];
      long prefix = prefix(bytes, from, to);
      int key = hash(bytes, from, to, prefix) & ~LENGTH_BITS | Math.min(to - from, LENGTH_BITS);
      int i = key >>> shift;
      while (table[(i << 1) + 1] != 0) {
        i = (i + 1) & slotMask;
      }
      table[i << 1] = prefix;
      table[(i << 1) + 1] = (long) key << 32 | (id + 1);
    }
    slots = table;
  }

  private static int maxLoad(int slotCount) {
    return slotCount / 5 * 3;
  }

  /**
   * Hashes a word eight bytes at a time (a multiply-xorshift over little-endian longs, starting
   * from its prefix, so that a word of up to eight bytes costs one multiplication), then mixes the
   * result with Stafford's variant 13 finalizer so that its top bits index the table well.
   *
   * @param buf holds the word
   * @param from index of its first byte
   * @param to index after its last byte
   * @param prefix the word's {@link #prefix}
   * @return the hash
   */
  static int hash(byte[] buf, int from, int to, long prefix) {
    long h = (prefix ^ (to - from)) * MULTIPLIER;
    for (int i = from + Long.BYTES; i < to; i += Long.BYTES) {
      long next = i <= to - Long.BYTES ? (long) LONGS.get(buf, i) : tail(buf, i, to);
      h ^= h >>> 29;
      h = (h ^ next) * MULTIPLIER;
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

  /**
   * The words in UTF-16 for output: word {@code id} runs from {@code chars[starts[id]]} up to
   * {@code chars[starts[id + 1]]}.
   */
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
        starts = count == 0 ? Arrays.copyOf(starts, size + 1)
            : Arrays.copyOf(starts, Capacity.grow(starts.length, size + 1L, "distinct words"));
      }
      // At most one UTF-16 unit per UTF-8 byte (a malformed byte gives at most one U+FFFD).
      long most = starts[count] + (long) byteStarts[size] - byteStarts[count];
      if (count == 0 && most > chars.length) {
        chars = Arrays.copyOf(chars, (int) Math.min(most, Capacity.MAX_ARRAY_LENGTH));
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
