package dev.netkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The watchdog's view of one connection, with the clock given by the test. */
class ConnectionTest {

  private static final long IDLE = Duration.ofSeconds(10).toNanos();

  private final long start = System.nanoTime();
  private final Connection connection =
      new Connection("test", 1, null, null, "peer", Duration.ofNanos(IDLE));

  @Test
  void aConnectionWithoutProgressExpiresAfterTheIdleTimeout() {
    assertThat(connection.expiry(start + IDLE / 2)).isNull();
    assertThat(connection.expiry(start + IDLE * 2)).isEqualTo(Connection.Interruption.IDLE);
  }

  @Test
  void aWatchedCounterThatMovesStartsTheIdleTimeoutOver() {
    AtomicLong bytes = new AtomicLong();
    connection.watchProgress(bytes::get);

    bytes.set(100);
    long moved = start + IDLE - 1;
    assertThat(connection.expiry(moved)).isNull();
    assertThat(connection.expiry(moved + IDLE)).isNull();
    assertThat(connection.expiry(moved + IDLE + 1)).isEqualTo(Connection.Interruption.IDLE);
  }

  @Test
  void aDeadlinePassesWhateverTheProgress() {
    connection.setDeadline(Duration.ofSeconds(1));
    long now = System.nanoTime();

    connection.touch();
    assertThat(connection.expiry(now + Duration.ofSeconds(2).toNanos()))
        .isEqualTo(Connection.Interruption.DEADLINE);
    connection.clearDeadline();
    assertThat(connection.expiry(now + Duration.ofSeconds(2).toNanos())).isNull();
  }

  @Test
  void theFirstInterruptionSticksAndTheActionRunsEachTime() {
    List<Connection.Interruption> seen = new ArrayList<>();
    connection.onInterrupt(seen::add);

    connection.interrupt(Connection.Interruption.IDLE);
    connection.interrupt(Connection.Interruption.SERVER_CLOSING);

    assertThat(connection.interruption()).isEqualTo(Connection.Interruption.IDLE);
    assertThat(seen).containsExactly(Connection.Interruption.IDLE,
        Connection.Interruption.SERVER_CLOSING);
    assertThat(connection.expiry(start + IDLE * 5)).isNull();
  }
}
