package dev.netkit.travesty.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DotLinesTest {

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void terminatorIsExactlyOneDot() {
    assertThat(DotLines.isTerminator(bytes("."))).isTrue();
    assertThat(DotLines.isTerminator(bytes(".."))).isFalse();
    assertThat(DotLines.isTerminator(bytes(". "))).isFalse();
    assertThat(DotLines.isTerminator(bytes(""))).isFalse();
  }

  @Test
  void unstuffingDropsOneDotOfTwo() {
    assertThat(DotLines.contentOffset(bytes("..x"))).isEqualTo(1);
    assertThat(DotLines.contentOffset(bytes(".."))).isEqualTo(1);
    assertThat(DotLines.contentOffset(bytes(".x"))).isZero();
    assertThat(DotLines.contentOffset(bytes("x"))).isZero();
    assertThat(DotLines.contentOffset(bytes(""))).isZero();
    assertThat(DotLines.contentOffset(new byte[] {(byte) 0xe9, '.'})).isZero();
  }
}
