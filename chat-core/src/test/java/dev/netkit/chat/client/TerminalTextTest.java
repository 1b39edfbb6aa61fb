package dev.netkit.chat.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

  @Test
  void printableTextIsKeptAsItIs() {
    String text = "rain again, 20 °C — Привет ^ \\ ~";
    assertThat(TerminalText.escape(text)).isSameAs(text);
  }

  @Test
  void c0ControlsAndDeleteBecomeCaretNotation() {
    assertThat(TerminalText.escape("\u0000\u0007\t\n\r\u001b[2J\u007f"))
        .isEqualTo("^@^G^I^J^M^[[2J^?");
  }

  @Test
  void c1ControlsSeparatorsAndBidiControlsBecomeUnicodeEscapes() {
    assertThat(TerminalText.escape("a\u0085b\u009b1mc\u2028d\u202ee\u2066f"))
        .isEqualTo("a\\u0085b\\u009b1mc\\u2028d\\u202ee\\u2066f");
  }

  @Test
  void aForgedLineStaysOnTheSendersLine() {
    assertThat(DisplayLines.publicMessage(new dev.netkit.codec.chat.PublicMessage("Pets",
        "mallory", "hi\n\tvictim [Pets]: hello")))
        .isEqualTo("\tmallory [Pets]: hi^J^Ivictim [Pets]: hello");
  }
}
