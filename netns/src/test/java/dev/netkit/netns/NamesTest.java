package dev.netkit.netns;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Labels are checked before anything is made, so these run anywhere, root or not. */
class NamesTest {

  @Test
  void namespaceLabelsAreChecked() {
    assertThatThrownBy(() -> NetworkNamespace.create("Bad Label"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("label : Bad Label (expected: [a-z0-9]{1,12})");
  }

  @Test
  void twoHostsLabelsLeaveRoomForTheHostLetter() {
    assertThatThrownBy(() -> TwoHosts.create("twelvechars1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("label : twelvechars1 (expected: [a-z0-9]{1,11})");
  }
}
