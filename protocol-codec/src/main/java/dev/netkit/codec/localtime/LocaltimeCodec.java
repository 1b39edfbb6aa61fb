package dev.netkit.codec.localtime;

import dev.netkit.codec.CtimeFormat;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The wire format of the book's UNIX-domain daytime ("localtime") service, pure: no sockets. The
 * server ({@code dev.netkit.unix.localtime.LocaltimeServer}) and the client
 * ({@code LocaltimeClient}) both use it, so the two sides cannot drift apart.
 *
 * <p>Request: one datagram of at most {@value #MAX_REQUEST_BYTES} bytes. If it is a time-zone
 * name, the answer is the time there; anything else (the book's client sends a single space when
 * it has no zone) gets the server's local time. A zone name must match
 * {@code ^[a-zA-Z0-9/_-]+$} (one final newline is allowed, as Perl's {@code $} allows it) and be
 * a region id that {@code java.time} knows, e.g. {@code Europe/Warsaw}; that rules out paths
 * ({@code ../}), offsets, spaces, control characters and anything longer than the limit. The zone
 * is only used to compute this answer: the process's own time zone is never touched (the book's
 * server sets {@code $ENV{TZ}}).
 *
 * <p>Answer: the time as Perl's {@code scalar localtime} (and C's {@code ctime}, without the
 * newline) prints it, in ASCII, e.g. {@code Sat Jun 17 18:06:14 2000}; the day of the month is
 * padded with a space: {@code Sat Jun  3 08:06:14 2000}.
 */
public final class LocaltimeCodec {

  /** The longest request the book's server reads ({@code recv($data, 128)}). */
  public static final int MAX_REQUEST_BYTES = 128;

  /** The book's request pattern for a time-zone name. */
  public static final Pattern ZONE_NAME = Pattern.compile("[a-zA-Z0-9/_-]+");

  private static final Set<String> KNOWN_ZONES = ZoneId.getAvailableZoneIds();

  private final Clock clock;
  private final ZoneId localZone;

  /**
   * Creates the server side of the codec.
   *
   * @param clock the time source (tests pass a fixed clock)
   * @param localZone the zone of answers to requests without a valid zone name
   * @throws NullPointerException if an argument is null
   */
  public LocaltimeCodec(Clock clock, ZoneId localZone) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.localZone = Objects.requireNonNull(localZone, "localZone");
  }

  /**
   * Finds the zone a request names.
   *
   * @param request the request datagram; empty if it was longer than
   *     {@value #MAX_REQUEST_BYTES} bytes
   * @param length the request's full length, to recognise truncated requests
   * @return the zone, or empty for "local time"
   */
  public static Optional<ZoneId> requestedZone(byte[] request, int length) {
    if (length > MAX_REQUEST_BYTES || request.length != length) {
      return Optional.empty();
    }
    int end = length > 0 && request[length - 1] == '\n' ? length - 1 : length;
    String name = new String(request, 0, end, StandardCharsets.ISO_8859_1);
    if (!ZONE_NAME.matcher(name).matches() || !KNOWN_ZONES.contains(name)) {
      return Optional.empty();
    }
    return Optional.of(ZoneId.of(name));
  }

  /**
   * Answers a request.
   *
   * @param request the request datagram as received
   * @param length its full length (more than {@code request.length} if it was truncated)
   * @return the answer datagram: the time in the requested zone, or the local time
   */
  public byte[] answer(byte[] request, int length) {
    ZoneId zone = requestedZone(request, length).orElse(localZone);
    return format(ZonedDateTime.now(clock.withZone(zone))).getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Formats a time as {@code scalar localtime} does, with the shared {@link CtimeFormat}.
   *
   * @param time the time, in the zone to show
   * @return e.g. {@code Sat Jun 17 18:06:14 2000}
   */
  public static String format(ZonedDateTime time) {
    return CtimeFormat.format(time);
  }

  /**
   * Builds the request for a zone, as the book's client does.
   *
   * @param zone the zone name, or null for the server's local time
   * @return the zone's bytes, or a single space (a datagram must not be empty)
   */
  public static byte[] request(String zone) {
    return (zone == null || zone.isEmpty() ? " " : zone).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads an answer, as the book's client prints it.
   *
   * @param answer the answer datagram
   * @return its text, e.g. {@code Sat Jun 17 22:06:24 2000}; a byte outside ASCII becomes U+FFFD
   */
  public static String answerText(byte[] answer) {
    return new String(answer, StandardCharsets.US_ASCII);
  }
}
