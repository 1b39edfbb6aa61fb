package dev.netkit.cli.urgent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PerlIncrementTest {

  @Test
  void incrementsLikePerl() {
    assertThat(PerlIncrement.next("aa")).isEqualTo("ab");
    assertThat(PerlIncrement.next("az")).isEqualTo("ba");
    assertThat(PerlIncrement.next("zz")).isEqualTo("aaa");
    assertThat(PerlIncrement.next("z")).isEqualTo("aa");
  }

  @Test
  void thirtiethLabelIsTheBooksLast() {
    String label = "aa";
    for (int i = 1; i < 30; i++) {
      label = PerlIncrement.next(label);
    }
    assertThat(label).isEqualTo("bd");
  }

  @Test
  void refusesOtherStrings() {
    assertThatThrownBy(() -> PerlIncrement.next("a1")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("label : \"a1\" (expected: [a-z]+)");
    assertThatThrownBy(() -> PerlIncrement.next("")).isInstanceOf(IllegalArgumentException.class);
  }
}
