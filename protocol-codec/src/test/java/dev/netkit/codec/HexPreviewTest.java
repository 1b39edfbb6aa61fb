package dev.netkit.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class HexPreviewTest {

  @Test
  void showsEveryByteOfShortInput() {
    assertThat(HexPreview.of(new byte[] {0x00, 0x5a, (byte) 0xff})).isEqualTo("00 5a ff");
  }

  @Test
  void emptyInputSaysSo() {
    assertThat(HexPreview.of(new byte[0])).isEqualTo("(empty)");
  }

  @Test
  void showsAtMostThirtyTwoBytesAndCountsTheRest() {
    byte[] input = new byte[40];
    input[31] = 0x1f;
    String preview = HexPreview.of(input);
    assertThat(preview).endsWith("1f …(+8 bytes)");
    assertThat(preview.split(" ")).hasSize(32 + 2);
  }

  @Test
  void bufferPositionIsNotMoved() {
    ByteBuffer buffer = ByteBuffer.wrap(new byte[] {1, 2, 3});
    buffer.get();
    assertThat(HexPreview.of(buffer)).isEqualTo("02 03");
    assertThat(buffer.position()).isEqualTo(1);
  }

  @Test
  void rangeOfArray() {
    assertThat(HexPreview.of(new byte[] {1, 2, 3, 4}, 1, 2)).isEqualTo("02 03");
  }
}
