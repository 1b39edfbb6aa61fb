package dev.netkit.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

class StatusReplyFuzzTest {

  @FuzzTest
  void parseAcceptsOrRejectsWithItsOwnError(FuzzedDataProvider data) {
    String line = data.consumeRemainingAsString();
    StatusReply reply;
    try {
      reply = StatusReply.parse(line);
    } catch (MalformedFrameException expected) {
      return;
    }
    assertThat(StatusReply.parse(reply.format())).isEqualTo(reply);
    assertThat(reply.code()).isBetween(100, 599);
  }
}
