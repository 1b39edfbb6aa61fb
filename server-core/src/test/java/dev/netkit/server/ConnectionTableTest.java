package dev.netkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectionTableTest {

  private static Connection from(String peer, long id) {
    return new Connection("test", id, null, null, peer, Duration.ofSeconds(1));
  }

  @Test
  void theTotalLimitComesFirstThenThePeerLimit() {
    ConnectionTable table = new ConnectionTable(3, 2);
    Connection a1 = from("a", 1);

    assertThat(table.admit(a1)).isNull();
    assertThat(table.admit(from("a", 2))).isNull();
    assertThat(table.admit(from("a", 3)))
        .isEqualTo(new Refusal(Refusal.Reason.PEER_FULL, 2));
    assertThat(table.admit(from("b", 4))).isNull();
    assertThat(table.admit(from("c", 5)))
        .isEqualTo(new Refusal(Refusal.Reason.SERVER_FULL, 3));
    assertThat(table.size()).isEqualTo(3);

    table.remove(a1);
    table.remove(a1);
    assertThat(table.size()).isEqualTo(2);
    assertThat(table.admit(from("a", 6))).isNull();
  }
}
