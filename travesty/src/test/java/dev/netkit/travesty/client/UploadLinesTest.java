package dev.netkit.travesty.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UploadLinesTest {

  private static String split(String text, int chunk) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    UploadLines lines = new UploadLines(out);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    UploadLines.copy(new ByteArrayInputStream(bytes), lines, new byte[chunk], n -> true);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void endsLinesWithCrlfAndDropsCrBeforeLf() throws IOException {
    assertThat(split("a b\r\nc\n\nlast", 3)).isEqualTo("a b\r\nc\r\n\r\nlast\r\n");
  }

  @Test
  void stuffsLeadingDots() throws IOException {
    assertThat(split(".\n..x\nx.\n", 1)).isEqualTo("..\r\n...x\r\nx.\r\n");
  }

  @Test
  void splitsLongLinesAtTheLastBlank() throws IOException {
    String word = "w".repeat(999);
    String text = (word + " ").repeat(5) + "end";
    String sent = split(text, 7);
    assertThat(sent.split("\r\n")).allSatisfy(line ->
        assertThat(line.length()).isLessThanOrEqualTo(UploadLines.MAX_PIECE_BYTES));
    assertThat(sent.replace("\r\n", " ").strip().split("\\s+"))
        .containsExactly(word, word, word, word, word, "end");
  }

  @Test
  void cutsARunWithoutBlanks() throws IOException {
    String sent = split("x".repeat(9000), 4096);
    assertThat(sent.split("\r\n")).extracting(String::length).containsExactly(4000, 4000, 1000);
  }

  @Test
  void stopsWhenTheListenerSaysSo() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    UploadLines lines = new UploadLines(out);
    byte[] text = "one\ntwo\nthree".getBytes(StandardCharsets.US_ASCII);
    UploadLines.copy(new ByteArrayInputStream(text), lines, new byte[5], n -> false);
    assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("one\r\n");
  }
}
