package dev.netkit.codec.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChatErrorsTest {

  @Test
  void theBooksTextsAreExact() {
    assertThat(ChatErrors.PLEASE_LOG_IN).isEqualTo("please log in");
    assertThat(ChatErrors.NICKNAME_IN_USE).isEqualTo("nickname already in use");
    assertThat(ChatErrors.UNIMPLEMENTED_EVENT_CODE).isEqualTo("unimplemented event code");
    assertThat(ChatErrors.NO_CURRENT_CHANNEL).isEqualTo("no current channel");
    assertThat(ChatErrors.NO_RECIPIENT)
        .isEqualTo("no nickname given for recipient of private message");
    assertThat(ChatErrors.noChannelNamed("Knitting")).isEqualTo("no channel named Knitting");
    assertThat(ChatErrors.notLoggedIn("carol")).isEqualTo("carol: not logged in");
  }

  @Test
  void echoedNamesAreCutToSixtyFourCharacters() {
    assertThat(ChatErrors.noChannelNamed("k".repeat(64))).endsWith("k".repeat(64));
    assertThat(ChatErrors.notLoggedIn("😀".repeat(70)))
        .isEqualTo("😀".repeat(64) + "…: not logged in");
  }
}
