package dev.netkit.jni;

/**
 * The loader of netkit's one native library, {@code libnetkit.so}. The library is built by the
 * Maven build (gcc, Linux x86_64) into the jar as
 * {@code META-INF/native/linux-x86_64/libnetkit.so}; the first use of this class copies it to a
 * uniquely named file in a work directory, loads it, and deletes the file. It is loaded once per
 * class loader.
 *
 * <p>System properties, read once:
 * <ul>
 *   <li>{@value #WORK_DIRECTORY_PROPERTY}: where to copy the library before loading it (default
 *       {@code java.io.tmpdir}). Set it when {@code /tmp} is mounted {@code noexec}.</li>
 *   <li>{@value #LIBRARY_PATH_PROPERTY}: a {@code libnetkit.so} file to load instead of the one
 *       in the jar (tried first; the jar's library is the fall-back).</li>
 * </ul>
 *
 * <p>Check {@link #isAvailable()} before using the native classes of this package, or call
 * {@link #ensureAvailable()} to fail with the reason. The other classes of this package call the
 * latter when they are first used. On JDK 22 and later, run with
 * {@code --enable-native-access=ALL-UNNAMED} (or the module name) to avoid the JDK's warning.
 */
public final class NativeLibrary {

  /** System property naming the directory the library is extracted to. */
  public static final String WORK_DIRECTORY_PROPERTY = "netkit.jni.workdir";

  /** System property naming a library file to load instead of the jar's. */
  public static final String LIBRARY_PATH_PROPERTY = "netkit.jni.library";

  private static final Throwable UNAVAILABILITY_CAUSE = new LibraryLoader(System.getProperties(),
      System::load, Natives::abiVersion, NativeLibrary::openResource).load();

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
   * @throws UnsatisfiedLinkError when it is not; its cause is {@link #unavailabilityCause()}
   */
  public static void ensureAvailable() {
    if (UNAVAILABILITY_CAUSE != null) {
      throw (UnsatisfiedLinkError) new UnsatisfiedLinkError(
          "netkit native library unavailable: " + UNAVAILABILITY_CAUSE.getMessage())
          .initCause(UNAVAILABILITY_CAUSE);
    }
  }

  /**
   * Tells why the native library is not usable.
   *
   * @return the failure of the last loading step, with earlier failures suppressed in it; null
   *     when the library is available
   */
  public static Throwable unavailabilityCause() {
    return UNAVAILABILITY_CAUSE;
  }

  private static java.io.InputStream openResource(String name) {
    return NativeLibrary.class.getResourceAsStream("/" + name);
  }
}
