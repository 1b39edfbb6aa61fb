package dev.netkit.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatagramSizeTest {

  @Test
  void theLargestUdpPayloadOverIpv4() {
    assertThat(DatagramSize.MAX_UDP_PAYLOAD).isEqualTo(65_535 - 20 - 8);
  }

  @Test
  void acceptsLimitsFromTheMinimumToTheLargestPayload() {
    assertThat(DatagramSize.checkMaxDatagram(1, 1, "maxDatagram")).isEqualTo(1);
    assertThat(DatagramSize.checkMaxDatagram(65_507, 2, "maxDatagram")).isEqualTo(65_507);
  }

  @Test
  void rejectsLimitsOutsideTheRangeNamingTheArgument() {
    assertThatThrownBy(() -> DatagramSize.checkMaxDatagram(0, 1, "maxDatagram"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxDatagram : 0 (expected: 1-65507)");
    assertThatThrownBy(() -> DatagramSize.checkMaxDatagram(65_508, 2, "maxDatagramSize"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxDatagramSize : 65508 (expected: 2-65507)");
  }

  @Test
  void rejectsAMinimumThatNoDatagramCouldMeet() {
    assertThatThrownBy(() -> DatagramSize.checkMaxDatagram(70_000, 70_000, "maxDatagram"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("min : 70000 (expected: 0-65507)");
  }
}
