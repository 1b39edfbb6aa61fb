package dev.netkit.travesty;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenizerTest {

  private static final String TEXT = " \t leading  blanks,\u000Bvertical\ftab\r\nexactly8 nine_char"
      + " sixteen_bytes_xx a\u0000nul\u0001ctrl punctuation!? ünïcödé\u00A0nbsp 😀 end\n";

  private static List<String> split(byte[] bytes, int chunk) {
    List<String> words = new ArrayList<>();
    Tokenizer tokenizer = new Tokenizer((buf, from, to, count) -> {
      for (int i = 0; i < count; i++) {
        words.add(new String(buf, from[i], to[i] - from[i], StandardCharsets.UTF_8));
      }
    });
    for (int start = 0; start < bytes.length; start += chunk) {
      int end = Math.min(bytes.length, start + chunk);
      // Pass a larger array to check that nothing past the chunk is read as text.
      byte[] padded = new byte[end - start + 16];
      java.util.Arrays.fill(padded, (byte) 'x');
      System.arraycopy(bytes, start, padded, 0, end - start);
      tokenizer.feed(padded, 0, end - start, false);
    }
    tokenizer.finish();
    return words;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 8, 9, 15, 16, 17, 1000})
  void splitsAtTheSixAsciiWhiteSpacesWhateverTheChunks(int chunk) {
    byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);

    assertThat(split(bytes, chunk)).containsExactly("leading", "blanks,", "vertical", "tab",
        "exactly8", "nine_char", "sixteen_bytes_xx", "a\u0000nul\u0001ctrl", "punctuation!?",
        "ünïcödé\u00A0nbsp", "😀", "end");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 5, 8, 9, 64})
  void aWordMayEndExactlyAtTheEndOfTheText(int chunk) {
    byte[] bytes = "one two eightchr".getBytes(StandardCharsets.UTF_8);

    assertThat(split(bytes, chunk)).containsExactly("one", "two", "eightchr");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 7, 8, 9, 100})
  void aLongRunOfBlanksIsNoWord(int words) {
    String text = " ".repeat(100) + "w ".repeat(words) + "\n".repeat(50);

    assertThat(split(text.getBytes(StandardCharsets.UTF_8), 8)).hasSize(words);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 31, 32, 33, 127})
  void everyControlCharacterThatIsNotWhiteSpaceBelongsToAWord(int c) {
    byte[] bytes = {'a', (byte) c, 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', ' ', 'j'};
    boolean space = c == ' ';

    assertThat(split(bytes, 64)).hasSize(space ? 3 : 2);
    assertThat(Tokenizer.isWhiteSpace((byte) c)).isEqualTo(space);
  }
}
