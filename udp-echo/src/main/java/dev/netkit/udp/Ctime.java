package dev.netkit.udp;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Formats a time like C's {@code ctime()} and Perl's scalar {@code localtime}, without the
 * newline: {@code Wed Aug 16 21:29:54 2000}, the day of the month padded with a space.
 */
final class Ctime {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

  private Ctime() {
  }

  /**
   * Formats a time.
   *
   * @param time the time, in the zone to show
   * @return e.g. {@code Thu Sep  9 01:46:40 1999}
   */
  static String format(ZonedDateTime time) {
    return FORMAT.format(time);
  }
}
