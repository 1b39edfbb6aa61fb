package dev.netkit.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PendingTableTest {

  private long order;

  private PendingTable.Entry entry(PendingTable table) {
    return new PendingTable.Entry(table.nextSequence(), order++, new byte[0],
        new CompletableFuture<>());
  }

  private PendingTable.Entry added(PendingTable table, long deadlineNanos) {
    PendingTable.Entry entry = entry(table);
    table.add(entry, deadlineNanos);
    return entry;
  }

  @Test
  void handsOutNumbersInOrderFromTheFirst() {
    PendingTable table = new PendingTable(100, 7);

    assertThat(List.of(table.nextSequence(), table.nextSequence(), table.nextSequence()))
        .containsExactly(7L, 8L, 9L);
  }

  @Test
  void wrapsToZeroAndSkipsNumbersStillPending() {
    PendingTable table = new PendingTable(4, 2);
    PendingTable.Entry two = added(table, 0);
    PendingTable.Entry three = added(table, 0);
    table.remove(three.sequence);

    List<Long> next = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      PendingTable.Entry e = added(table, 0);
      next.add(e.sequence);
      table.remove(e.sequence);
    }

    assertThat(two.sequence).isEqualTo(2);
    assertThat(next).as("0, 1, then 2 is pending, so 3").containsExactly(0L, 1L, 3L);
  }

  @Test
  void neverHandsOutAPendingNumber() {
    PendingTable table = new PendingTable(8, 0);
    List<PendingTable.Entry> live = new ArrayList<>();
    for (int round = 0; round < 1000; round++) {
      PendingTable.Entry e = entry(table);
      assertThat(live).extracting(p -> p.sequence).doesNotContain(e.sequence);
      table.add(e, round);
      live.add(e);
      if (live.size() == 4) {
        // Remove out of order, like replies that overtake each other.
        PendingTable.Entry gone = live.remove(round % 4);
        assertThat(table.remove(gone.sequence)).isSameAs(gone);
      }
    }
    assertThat(table.size()).isEqualTo(3);
  }

  @Test
  void refusesWhenEveryNumberIsPending() {
    PendingTable table = new PendingTable(2, 0);
    added(table, 0);
    added(table, 0);

    assertThatThrownBy(table::nextSequence)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("every sequence number is pending: 2");
  }

  @Test
  void hasNoDeadlineWhenNothingIsPending() {
    PendingTable table = new PendingTable(100, 0);

    assertThat(table.nextDeadline()).isEmpty();
    PendingTable.Entry e = added(table, 500);
    assertThat(table.nextDeadline()).hasValue(500);
    table.remove(e.sequence);
    assertThat(table.nextDeadline()).isEmpty();
  }

  @Test
  void ordersDeadlinesAndReportsOnlyExpiredOnes() {
    PendingTable table = new PendingTable(100, 0);
    PendingTable.Entry late = added(table, 300);
    PendingTable.Entry early = added(table, 100);

    assertThat(table.firstExpired(99)).isNull();
    assertThat(table.firstExpired(100)).isSameAs(early);
    table.reschedule(early, 400);
    assertThat(table.firstExpired(350)).isSameAs(late);
    assertThat(table.nextDeadline()).hasValue(300);
    assertThat(table.removeAll()).containsExactlyInAnyOrder(early, late);
    assertThat(table.size()).isZero();
  }

  @Test
  void removingAnUnknownNumberFindsNothing() {
    assertThat(new PendingTable(100, 0).remove(42)).isNull();
  }
}
