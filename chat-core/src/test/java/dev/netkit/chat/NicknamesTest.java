package dev.netkit.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NicknamesTest {

  @ParameterizedTest
  @ValueSource(strings = {"a", "lincoln", "Zoë", "日本語", "x_y-z.1", "[bot]", "😀",
      "abcdefghijklmnopqrstuvwxyz012345"})
  void acceptsPrintableNonBlankNamesUpTo32Characters(String nickname) {
    assertThat(Nicknames.isValid(nickname)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "two words", "tab\there", "new\nline", "nul\0", "del\u007f",
      "nbsp\u00a0x", "zw\u200bsp", "rtl\u202eoverride", "pua\ue000",
      "abcdefghijklmnopqrstuvwxyz0123456", "\ud800"})
  void refusesBlankControlFormatInvisibleAndTooLongNames(String nickname) {
    assertThat(Nicknames.isValid(nickname)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 5})
  void theLimitCountsCodePoints(int limit) {
    assertThat(Nicknames.isValid("😀".repeat(limit), limit)).isTrue();
    assertThat(Nicknames.isValid("😀".repeat(limit + 1), limit)).isFalse();
  }
}
