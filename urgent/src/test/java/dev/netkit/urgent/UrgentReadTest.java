package dev.netkit.urgent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UrgentReadTest {

  @Test
  void receivedCarriesItsByte() {
    UrgentRead read = UrgentRead.received((byte) 0xff);

    assertThat(read.isReceived()).isTrue();
    assertThat(read.status()).isEqualTo(UrgentRead.Status.RECEIVED);
    assertThat(read.data()).isEqualTo((byte) 0xff);
    assertThat(read).hasToString("RECEIVED(0xff)").isEqualTo(UrgentRead.received((byte) -1))
        .isNotEqualTo(UrgentRead.received((byte) 0));
    assertThat(read.hashCode()).isEqualTo(UrgentRead.received((byte) -1).hashCode());
  }

  @Test
  void outcomesWithoutAByteRefuseData() {
    for (UrgentRead read : new UrgentRead[] {UrgentRead.NOTHING_PENDING,
        UrgentRead.NOT_ARRIVED_YET, UrgentRead.INLINE}) {
      assertThat(read.isReceived()).isFalse();
      assertThat(read).hasToString(read.status().name());
      assertThatThrownBy(read::data).isInstanceOf(IllegalStateException.class)
          .hasMessage("no urgent byte: " + read.status());
    }
    assertThat(UrgentRead.INLINE).isNotEqualTo(UrgentRead.NOTHING_PENDING);
  }
}
