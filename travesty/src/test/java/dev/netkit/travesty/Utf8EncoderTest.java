package dev.netkit.travesty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8EncoderTest {

  private static final String TEXT = "plain ascii, é ü ß, € ‰, 😀 𝄞 end";

  private static byte[] encode(String text, int chunk) {
    Utf8Encoder encoder = new Utf8Encoder();
    char[] chars = text.toCharArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[3 * (chunk + 1) + 2];
    for (int start = 0; start < chars.length; start += chunk) {
      int end = Math.min(chars.length, start + chunk);
      int n = encoder.encode(chars, start, end, false, buf, 0);
      out.write(buf, 0, n);
    }
    out.write(buf, 0, encoder.encode(chars, 0, 0, true, buf, 0));
    return out.toByteArray();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 1000})
  void encodesLikeTheJdkWhereverTheChunksSplitSurrogatePairs(int chunk) {
    assertThat(encode(TEXT, chunk)).isEqualTo(TEXT.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 1000})
  void replacesLoneSurrogatesLikeTheJdk(int chunk) {
    String text = "a\uD800b\uDC00c\uD83D";

    assertThat(encode(text, chunk)).isEqualTo(text.getBytes(StandardCharsets.UTF_8))
        .isEqualTo("a?b?c?".getBytes(StandardCharsets.US_ASCII));
  }
}
