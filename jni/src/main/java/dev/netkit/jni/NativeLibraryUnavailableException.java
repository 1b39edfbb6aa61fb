package dev.netkit.jni;

/**
 * Thrown by {@link NativeLibrary#ensureAvailable()}, and so by every netkit operation that needs
 * the native library, when the library cannot be used: the platform is not one netkit has a
 * library for (the message names the detected platform), the jar was built without it, or it could
 * not be loaded (a {@code noexec} work directory, a glibc older than 2.17). The message says which;
 * the cause is {@link NativeLibrary#unavailabilityCause()}.
 */
public final class NativeLibraryUnavailableException extends UnsupportedOperationException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is missing and why
   * @param cause the loader's failure, with earlier ones suppressed in it
   */
  public NativeLibraryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
