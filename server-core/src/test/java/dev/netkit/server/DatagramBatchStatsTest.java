package dev.netkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatagramBatchStatsTest {

  @Test
  void plusAddsEveryCountAndIsBatchedIfEitherIs() {
    DatagramBatchStats plain = new DatagramBatchStats(false, 10, 10, 10, 9, 1);
    DatagramBatchStats batched = new DatagramBatchStats(true, 2, 20, 3, 18, 2);

    assertThat(plain.plus(batched)).isEqualTo(new DatagramBatchStats(true, 12, 30, 13, 27, 3));
    assertThat(DatagramBatchStats.NONE.plus(plain)).isEqualTo(plain);
    assertThat(plain.plus(batched).receivedPerCall()).isEqualTo(2.5);
  }
}
