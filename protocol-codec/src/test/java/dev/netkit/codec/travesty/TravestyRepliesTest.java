package dev.netkit.codec.travesty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.codec.StatusReply;
import org.junit.jupiter.api.Test;

class TravestyRepliesTest {

  @Test
  void theBooksReplies() {
    assertThat(TravestyReplies.banner().format()).isEqualTo("100 Travesty server version 1.0");
    assertThat(TravestyReplies.processed(42).format()).isEqualTo("202 processed 42 words");
    assertThat(TravestyReplies.travestyFollows().format()).isEqualTo("203 travesty follows");
    assertThat(TravestyReplies.goodbye().format()).isEqualTo("204 goodbye");
    assertThat(TravestyReplies.resetDone().format()).isEqualTo("205 travesty reset");
    assertThat(TravestyReplies.unknownCommand().format()).isEqualTo("500 unknown command");
    assertThat(TravestyReplies.noDataAnalyzed().format()).isEqualTo("500 no data analyzed");
  }

  @Test
  void netkitsLimits() {
    assertThat(TravestyReplies.sendData().format())
        .isEqualTo("201 send text, end with a line holding only \".\"");
    assertThat(TravestyReplies.badArgument(new WordCountException("word count \"-5\" is negative"))
        .format()).isEqualTo("501 word count \"-5\" is negative");
    assertThat(TravestyReplies.commandTooLong(64).format())
        .isEqualTo("501 command line too long (limit: 64 bytes)");
    assertThat(TravestyReplies.tooManyClients(8, false).format())
        .isEqualTo("421 too many clients (limit: 8), try again later");
    assertThat(TravestyReplies.tooManyClients(2, true).format())
        .isEqualTo("421 too many clients from your address (limit: 2), try again later");
    assertThat(TravestyReplies.uploadLimit(TravestyReplies.uploadOver(100), 7).format())
        .isEqualTo("552 upload over 100 bytes; processed 7 words");
    assertThat(TravestyReplies.uploadLimit(TravestyReplies.lineOver(64), 2).format())
        .isEqualTo("552 line over 64 bytes; processed 2 words");
    assertThat(TravestyReplies.uploadLimit(TravestyReplies.wordsOver(500), 5).format())
        .isEqualTo("552 more than 500 words; processed 5 words");
    assertThat(TravestyReplies.serverWordsOver(9))
        .isEqualTo("server busy: all models together hold 9 words");
    assertThat(TravestyReplies.uploadClosing(100).format())
        .isEqualTo("552 upload over 100 bytes; closing");
  }

  @Test
  void readsTheWordCountBack() {
    assertThat(TravestyReplies.processedWords(TravestyReplies.processed(2658))).hasValue(2658);
    assertThat(TravestyReplies.processedWords(
        TravestyReplies.uploadLimit(TravestyReplies.wordsOver(500), 5))).hasValue(5);
    assertThat(TravestyReplies.processedWords(StatusReply.parse("202 processed 1 words")))
        .hasValue(1);
    assertThat(TravestyReplies.processedWords(TravestyReplies.goodbye())).isEmpty();
    assertThat(TravestyReplies.processedWords(
        StatusReply.parse("202 processed 99999999999999999999 words"))).isEmpty();
  }
}
