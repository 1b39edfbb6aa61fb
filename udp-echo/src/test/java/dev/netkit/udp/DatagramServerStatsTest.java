package dev.netkit.udp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatagramServerStatsTest {

  @Test
  void plusAddsEveryCount() {
    DatagramServerStats one = new DatagramServerStats(1, 2, 3, 4, 5, 6, 7);
    DatagramServerStats other = new DatagramServerStats(10, 20, 30, 40, 50, 60, 70);

    assertThat(one.plus(other)).isEqualTo(new DatagramServerStats(11, 22, 33, 44, 55, 66, 77));
    assertThat(DatagramServerStats.NONE.plus(one)).isEqualTo(one);
  }
}
