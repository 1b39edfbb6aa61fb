package dev.netkit.travesty;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordTableTest {

  private static int intern(WordTable table, String word) {
    byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
    int[] id = new int[1];
    table.internAll(bytes, new int[] {0}, new int[] {bytes.length}, 1, id, 0);
    return id[0];
  }

  private static String decoded(WordTable table, int id) {
    WordTable.DecodedWords words = table.chars();
    return new String(words.chars(), words.starts()[id], words.starts()[id + 1]
        - words.starts()[id]);
  }

  @Test
  void givesDenseIdsInFirstSeenOrderAndTheSameIdAgain() {
    WordTable table = new WordTable();
    List<String> words = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      words.add(i % 3 == 0 ? "w" + i : "a-much-longer-word-number-" + i);
    }
    for (int i = 0; i < words.size(); i++) {
      assertThat(intern(table, words.get(i))).isEqualTo(i);
    }
    for (int i = words.size() - 1; i >= 0; i -= 7) {
      assertThat(intern(table, words.get(i))).isEqualTo(i);
    }
    assertThat(table.size()).isEqualTo(words.size());
    assertThat(decoded(table, 0)).isEqualTo("w0");
    assertThat(decoded(table, 49_999)).isEqualTo(words.get(49_999));
  }

  @Test
  void keepsItsIdsWhenItsHashIndexIsDroppedAndRebuilt() {
    WordTable table = new WordTable();
    String[] words = {"ab", "ab\u0000", "abcdefgh", "abcdefghi", "x".repeat(300), "é"};
    for (int i = 0; i < 5_000; i++) {
      intern(table, "w" + i);
    }
    for (int i = 0; i < words.length; i++) {
      intern(table, words[i]);
    }

    table.releaseIndex();

    assertThat(intern(table, "w4999")).isEqualTo(4_999);
    for (int i = 0; i < words.length; i++) {
      assertThat(intern(table, words[i])).as(words[i]).isEqualTo(5_000 + i);
    }
    assertThat(intern(table, "new")).isEqualTo(5_000 + words.length);
    for (int i = 5_001; i < 20_000; i++) {
      intern(table, "w" + i);
    }
    assertThat(intern(table, "w0")).isEqualTo(0);
    assertThat(intern(table, "w19999")).isEqualTo(5_000 + words.length + 19_999 - 5_000);
    assertThat(decoded(table, 5_000 + words.length)).isEqualTo("new");
  }

  @Test
  void tellsApartWordsThatShareBytesOrDifferOnlyInLength() {
    WordTable table = new WordTable();
    String[] words = {"ab", "ab\u0000", "ab\u0000\u0000", "abcdefgh", "abcdefghi", "abcdefghj",
        "abcdefgh\u0000", "x".repeat(255), "x".repeat(256), "x".repeat(257), "é", "e"};

    for (int i = 0; i < words.length; i++) {
      assertThat(intern(table, words[i])).as(words[i]).isEqualTo(i);
    }
    for (int i = 0; i < words.length; i++) {
      assertThat(intern(table, words[i])).as(words[i]).isEqualTo(i);
      assertThat(decoded(table, i)).isEqualTo(words[i]);
    }
  }

  @Test
  void decodesMalformedBytesAsReplacementCharacters() {
    WordTable table = new WordTable();
    byte[] latin1 = "grüße".getBytes(StandardCharsets.ISO_8859_1);
    int[] id = new int[1];
    table.internAll(latin1, new int[] {0}, new int[] {latin1.length}, 1, id, 0);

    assertThat(decoded(table, id[0])).isEqualTo("gr\uFFFD\uFFFDe");
  }
}
