package dev.netkit.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class QueueSharesTest {

  private static final InetAddress ONE = address(1);
  private static final InetAddress TWO = address(2);
  private static final InetAddress THREE = address(3);

  private static InetAddress address(int lastByte) {
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) lastByte});
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private static QueueShares shares(int copies, int perAddress, long bytes, long bytesPerAddress) {
    return new QueueShares(FaultyProxyConfig.builder().maxQueued(copies)
        .maxQueuedPerAddress(perAddress).maxQueuedBytes(bytes)
        .maxQueuedBytesPerAddress(bytesPerAddress).build());
  }

  @Test
  void oneAddressGetsItsShareOfCopiesAndTheOthersTheRest() {
    QueueShares shares = shares(5, 2, 1_000, 1_000);

    assertThat(shares.tryAdd(ONE, 1)).isTrue();
    assertThat(shares.tryAdd(ONE, 1)).isTrue();
    assertThat(shares.tryAdd(ONE, 1)).as("beyond its share").isFalse();
    assertThat(shares.tryAdd(TWO, 1)).isTrue();
    assertThat(shares.tryAdd(TWO, 1)).isTrue();
    assertThat(shares.tryAdd(THREE, 1)).isTrue();
    assertThat(shares.tryAdd(THREE, 1)).as("beyond the total").isFalse();
    assertThat(shares.copies()).isEqualTo(5);
    assertThat(shares.bytes()).isEqualTo(5);

    shares.remove(ONE, 1);
    assertThat(shares.tryAdd(ONE, 1)).as("room again once one has left").isTrue();
  }

  @Test
  void oneAddressGetsItsShareOfBytesAndTheOthersTheRest() {
    QueueShares shares = shares(100, 100, 1_000, 400);

    assertThat(shares.tryAdd(ONE, 300)).isTrue();
    assertThat(shares.tryAdd(ONE, 101)).as("beyond its share").isFalse();
    assertThat(shares.tryAdd(ONE, 100)).isTrue();
    assertThat(shares.tryAdd(TWO, 401)).as("more than a share at once").isFalse();
    assertThat(shares.tryAdd(TWO, 400)).isTrue();
    assertThat(shares.tryAdd(THREE, 201)).as("beyond the total").isFalse();
    assertThat(shares.tryAdd(THREE, 200)).isTrue();
    assertThat(shares.bytes()).isEqualTo(1_000);
  }

  @Test
  void anAddressIsRememberedOnlyWhileItHasCopiesQueued() {
    QueueShares shares = shares(10, 5, 1_000, 1_000);
    shares.tryAdd(ONE, 10);
    shares.tryAdd(ONE, 20);
    shares.tryAdd(TWO, 30);
    assertThat(shares.addresses()).isEqualTo(2);
    assertThat(shares.tryAdd(THREE, 2_000)).isFalse();
    assertThat(shares.holds(THREE)).as("refused, not remembered").isFalse();

    shares.remove(ONE, 10);
    assertThat(shares.holds(ONE)).isTrue();
    shares.remove(ONE, 20);
    shares.remove(TWO, 30);

    assertThat(shares.addresses()).isZero();
    assertThat(shares.copies()).isZero();
    assertThat(shares.bytes()).isZero();
    assertThatThrownBy(() -> shares.remove(ONE, 1)).isInstanceOf(IllegalStateException.class)
        .hasMessage("no copy queued for /127.0.0.1");
  }
}
