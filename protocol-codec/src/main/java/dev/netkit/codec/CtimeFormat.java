package dev.netkit.codec;

import java.time.DateTimeException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * The C {@code ctime()} text that the book's servers put on the wire (Perl's scalar
 * {@code localtime}): the UDP daytime reply, the multicast time-of-day beacon and the UNIX-domain
 * localtime reply.
 *
 * <pre>
 *   Sat Jun 17 18:06:14 2000
 *   Thu Sep  9 01:46:40 1999     (day of month padded with a space, not a zero)
 * </pre>
 *
 * <p>No trailing newline (callers add CRLF or nothing, as their protocol says); English day and
 * month names whatever the default locale; the time zone is the one of the given time, never the
 * process's default.
 */
public final class CtimeFormat {

  /** Length of every ctime text: {@code "Sat Jun 17 18:06:14 2000".length()} for years 1000-9999. */
  public static final int LENGTH = 24;

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss uuuu", Locale.ROOT);

  private CtimeFormat() {
  }

  /**
   * Formats a time.
   *
   * @param time the time, in the zone to show
   * @return e.g. {@code Thu Sep  9 01:46:40 1999}
   * @throws DateTimeException if the year cannot be printed (outside -999,999,999..999,999,999)
   */
  public static String format(ZonedDateTime time) {
    return FORMAT.format(time);
  }

  /**
   * Parses ctime text (for clients that want the time back as a value).
   *
   * @param text e.g. {@code Thu Sep  9 01:46:40 1999}
   * @return the date and time fields (no zone: ctime carries none)
   * @throws MalformedFrameException if the text is not ctime
   */
  public static TemporalAccessor parse(CharSequence text) {
    try {
      return FORMAT.parse(text);
    } catch (DateTimeParseException e) {
      MalformedFrameException error = new MalformedFrameException("ctime text",
          ProtocolException.quote(text), "like Sat Jun 17 18:06:14 2000",
          HexPreview.of(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      error.initCause(e);
      throw error;
    }
  }
}
