package dev.netkit.jni;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Which of netkit's native libraries fits the running platform, from {@code os.name},
 * {@code os.arch} and the C library. The jar holds one {@code libnetkit.so} per supported
 * platform, under {@code META-INF/native/<directory>/}:
 *
 * <table>
 *   <caption>os.arch to directory</caption>
 *   <tr><th>os.name</th><th>os.arch</th><th>directory</th></tr>
 *   <tr><td>Linux</td><td>{@code amd64}, {@code x86_64}, {@code x86-64}, {@code x64}</td>
 *       <td>{@code linux-x86_64}</td></tr>
 *   <tr><td>Linux</td><td>{@code aarch64}, {@code arm64}</td><td>{@code linux-aarch64}</td></tr>
 * </table>
 *
 * <p>Both are built for glibc 2.17 and later (the build checks every symbol version). Every other
 * platform is reported by name as unsupported: macOS, Windows, Linux with musl libc (Alpine),
 * Linux on another architecture, any other operating system.
 */
final class NativePlatform {

  /** The platforms the jar has a library for, as their directory names. */
  static final String SUPPORTED = "Linux x86_64 and Linux aarch64, with glibc 2.17 or later";

  private final String directory;
  private final String unsupportedReason;

  private NativePlatform(String directory, String unsupportedReason) {
    this.directory = directory;
    this.unsupportedReason = unsupportedReason;
  }

  /**
   * Names the platform described by the arguments.
   *
   * @param osName the {@code os.name} value (may be null)
   * @param osArch the {@code os.arch} value (may be null)
   * @param musl tells whether the C library is musl; asked only on Linux
   * @return the platform, supported or not
   */
  static NativePlatform detect(String osName, String osArch, BooleanSupplier musl) {
    String os = String.valueOf(osName).toLowerCase(Locale.ROOT);
    String arch = normalizedArch(osArch);
    String seen = " (os.name '" + osName + "', os.arch '" + osArch + "')";
    if (!os.startsWith("linux")) {
      return unsupported(osFamily(osName, os) + seen);
    }
    if (arch == null) {
      return unsupported("Linux on " + osArch + seen);
    }
    if (musl.getAsBoolean()) {
      return unsupported("Linux " + arch + " with musl libc (Alpine?)" + seen);
    }
    return new NativePlatform("linux-" + arch, null);
  }

  /**
   * Tells whether this platform has a library in the jar.
   *
   * @return true when {@link #directory()} may be called
   */
  boolean supported() {
    return directory != null;
  }

  /**
   * The directory of this platform's library inside the jar, below {@code META-INF/native/}.
   *
   * @return e.g. {@code linux-aarch64}
   * @throws IllegalStateException when the platform is not supported
   */
  String directory() {
    if (directory == null) {
      throw new IllegalStateException(unsupportedReason);
    }
    return directory;
  }

  /**
   * Says which platform was detected and that netkit has no library for it.
   *
   * @return the message; null when the platform is supported
   */
  String unsupportedReason() {
    return unsupportedReason;
  }

  /**
   * Tells whether this JVM runs on musl libc (Alpine): one of musl's files is mapped into the
   * process ({@code /proc/self/maps}). False when that cannot be read.
   *
   * @return true on musl
   */
  static boolean runningOnMusl() {
    return runningOnMusl(Path.of("/proc/self/maps"));
  }

  /**
   * Tells whether a process map (the format of {@code /proc/PID/maps}) names one of musl's files.
   *
   * @param mapsFile the map
   * @return true when musl is mapped; false also when the file cannot be read
   */
  static boolean runningOnMusl(Path mapsFile) {
    try (Stream<String> maps = Files.lines(mapsFile, StandardCharsets.UTF_8)) {
      return maps.anyMatch(line -> line.contains("/ld-musl-") || line.contains("/libc.musl-"));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static NativePlatform unsupported(String platform) {
    return new NativePlatform(null, "netkit's native library does not support " + platform
        + "; it is built for " + SUPPORTED);
  }

  /** The jar's name for an {@code os.arch} value, or null when there is no library for it. */
  private static String normalizedArch(String osArch) {
    switch (String.valueOf(osArch).toLowerCase(Locale.ROOT)) {
      case "amd64":
      case "x86_64":
      case "x86-64":
      case "x64":
        return "x86_64";
      case "aarch64":
      case "arm64":
        return "aarch64";
      default:
        return null;
    }
  }

  private static String osFamily(String osName, String os) {
    if (os.startsWith("mac") || os.startsWith("darwin")) {
      return "macOS";
    }
    if (os.startsWith("windows")) {
      return "Windows";
    }
    return String.valueOf(osName);
  }
}
