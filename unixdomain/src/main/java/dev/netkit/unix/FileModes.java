package dev.netkit.unix;

import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * Converts between octal file modes such as {@code 0600} and {@link PosixFilePermission} sets.
 * Only the nine permission bits are allowed: set-user-ID, set-group-ID and sticky bits mean
 * nothing on a socket file.
 */
public final class FileModes {

  /** The default mode of a netkit socket file: read and write for its owner only. */
  public static final int DEFAULT_SOCKET_MODE = 0600;

  /** The largest mode accepted: {@code 0777}. */
  public static final int MAX_MODE = 0777;

  /** Bit order of {@link PosixFilePermission}'s constants, highest bit first. */
  private static final PosixFilePermission[] BITS = PosixFilePermission.values();

  private FileModes() {
  }

  /**
   * Parses an octal mode such as {@code 0600}, {@code 600} or {@code 0o660}.
   *
   * @param octal the mode in octal digits, optionally with a leading {@code 0} or {@code 0o}
   * @return the permissions
   * @throws IllegalArgumentException if the text is not octal or the mode is above {@code 0777}
   */
  public static Set<PosixFilePermission> parse(String octal) {
    String digits = octal.startsWith("0o") ? octal.substring(2) : octal;
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '7')) {
      throw new IllegalArgumentException("mode : " + octal + " (expected: octal digits 0-7)");
    }
    int mode = Integer.parseInt(digits.length() > 4 ? "77777" : digits, 8);
    if (mode > MAX_MODE) {
      throw new IllegalArgumentException(
          "mode : " + octal + " (expected: 0000 to 0777, permission bits only)");
    }
    return toPermissions(mode);
  }

  /**
   * Converts a numeric mode to permissions.
   *
   * @param mode the mode, {@code 0} to {@code 0777}
   * @return a fresh, modifiable set
   * @throws IllegalArgumentException if the mode is outside that range
   */
  public static Set<PosixFilePermission> toPermissions(int mode) {
    if (mode < 0 || mode > MAX_MODE) {
      throw new IllegalArgumentException(
          "mode : 0" + Integer.toOctalString(mode) + " (expected: 0000 to 0777)");
    }
    Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
    for (int i = 0; i < BITS.length; i++) {
      if ((mode & (0400 >> i)) != 0) {
        permissions.add(BITS[i]);
      }
    }
    return permissions;
  }

  /**
   * Converts permissions to a numeric mode.
   *
   * @param permissions the permissions
   * @return the mode, {@code 0} to {@code 0777}
   */
  public static int toMode(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (int i = 0; i < BITS.length; i++) {
      if (permissions.contains(BITS[i])) {
        mode |= 0400 >> i;
      }
    }
    return mode;
  }

  /**
   * Formats permissions as a four-digit octal mode, e.g. {@code 0600}.
   *
   * @param permissions the permissions
   * @return the mode in octal with a leading zero
   */
  public static String format(Set<PosixFilePermission> permissions) {
    return String.format("%04o", toMode(permissions));
  }
}
