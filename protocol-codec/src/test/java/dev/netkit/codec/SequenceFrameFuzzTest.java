package dev.netkit.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Optional;

class SequenceFrameFuzzTest {

  @FuzzTest
  void parseNeverFailsAndRoundTrips(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    Optional<SequenceFrame> frame = SequenceFrame.parse(text);
    frame.ifPresent(f -> {
      assertThat(SequenceFrame.parse(f.format())).contains(f);
      assertThat(text).endsWith(": " + f.payload());
    });
  }
}
