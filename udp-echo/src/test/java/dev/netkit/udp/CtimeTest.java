package dev.netkit.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CtimeTest {

  @Test
  void formatsLikeCtimeWithASpacePaddedDay() {
    assertThat(Ctime.format(ZonedDateTime.of(1999, 9, 9, 1, 46, 40, 0, ZoneOffset.UTC)))
        .isEqualTo("Thu Sep  9 01:46:40 1999");
    assertThat(Ctime.format(ZonedDateTime.of(2000, 8, 16, 21, 29, 54, 0, ZoneOffset.UTC)))
        .isEqualTo("Wed Aug 16 21:29:54 2000");
  }
}
