package dev.netkit.jni;

/**
 * The loader of netkit's one native library, {@code libnetkit.so}. The Maven build compiles it
 * for Linux x86_64 and Linux aarch64 (glibc 2.17 and later) into the jar as
 * {@code META-INF/native/linux-x86_64/libnetkit.so} and {@code .../linux-aarch64/...}; the
 * directory comes from {@code os.arch} ({@code amd64}/{@code x86_64} → {@code linux-x86_64},
 * {@code aarch64}/{@code arm64} → {@code linux-aarch64}). The first use of this class copies the
 * platform's library into a new private directory (mode 0700) in a work directory, checks it,
 * loads it and deletes it. It is loaded once per class loader, each from its own copy. On any
 * other platform (macOS, Windows, Linux with musl libc, another architecture)
 * {@link #unavailabilityCause()} names the detected platform and says it is not supported.
 *
 * <p>System properties, read once:
 * <ul>
 *   <li>{@value #WORK_DIRECTORY_PROPERTY}: where to copy the library before loading it (default
 *       {@code java.io.tmpdir}). Set it when {@code /tmp} is mounted {@code noexec}.</li>
 *   <li>{@value #LIBRARY_PATH_PROPERTY}: a {@code libnetkit.so} file to load instead of the one
 *       in the jar (tried first; the jar's library is the fall-back).</li>
 * </ul>
 *
 * <p>Check {@link #isAvailable()} before using code that needs the library, or call
 * {@link #ensureAvailable()} to fail with the reason. Every native call of netkit (in
 * {@code dev.netkit.jni.internal}, which only netkit's own modules can read) calls the latter
 * first, so without the library each call fails with a
 * {@link NativeLibraryUnavailableException} naming the reason. On JDK 22 and later, run with
 * {@code --enable-native-access=dev.netkit.jni} on the module path, or
 * {@code --enable-native-access=ALL-UNNAMED} on the class path, to avoid the JDK's warning.
 */
public final class NativeLibrary {

  /** System property naming the directory the library is extracted to. */
  public static final String WORK_DIRECTORY_PROPERTY = "netkit.jni.workdir";

  /** System property naming a library file to load instead of the jar's. */
  public static final String LIBRARY_PATH_PROPERTY = "netkit.jni.library";

  private static final Throwable UNAVAILABILITY_CAUSE = new LibraryLoader(System.getProperties(),
      System::load, AbiProbe::abiVersion, NativeLibrary::openResource,
      NativePlatform::runningOnMusl).load();

  private NativeLibrary() {
  }

  /**
   * Tells whether the native library is loaded and usable.
   *
   * @return true when the natives of this package can be called
   */
  public static boolean isAvailable() {
    return UNAVAILABILITY_CAUSE == null;
  }

  /**
   * Fails unless the native library is usable.
   *
   * @throws NativeLibraryUnavailableException when it is not, with the reason in its message
   *     (e.g. the detected platform that netkit has no library for); its cause is
   *     {@link #unavailabilityCause()}
   */
  public static void ensureAvailable() {
    if (UNAVAILABILITY_CAUSE != null) {
      throw new NativeLibraryUnavailableException(
          "netkit native library unavailable: " + UNAVAILABILITY_CAUSE.getMessage(),
          UNAVAILABILITY_CAUSE);
    }
  }

  /**
   * Tells why the native library is not usable.
   *
   * @return the failure of the last loading step, with earlier failures suppressed in it (on an
   *     unsupported platform: a message naming the detected platform); null when the library is
   *     available
   */
  public static Throwable unavailabilityCause() {
    return UNAVAILABILITY_CAUSE;
  }

  private static java.io.InputStream openResource(String name) {
    return NativeLibrary.class.getResourceAsStream("/" + name);
  }
}
