package dev.netkit.jni.testing;

import dev.netkit.jni.NativeLibraryUnavailableException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a method in a child JVM that pretends to be another platform ({@code os.name},
 * {@code os.arch}), for the tests that an unsupported platform is named instead of an
 * {@link UnsatisfiedLinkError}; and the line such a child prints when the library refuses.
 */
public final class PretendPlatform {

  private PretendPlatform() {
  }

  /**
   * Runs {@code owner.method()} in a child JVM with another {@code os.name} and {@code os.arch}.
   *
   * @param osName the pretended {@code os.name}, or null to keep the real one (pretending
   *     another OS breaks the JDK's own socket code before netkit's)
   * @param osArch the pretended {@code os.arch}
   * @param owner the class with the static no-argument method
   * @param method the method's name
   * @return the child's output, as {@link ChildJvm#run} returns it
   * @throws IOException if the child cannot be started
   * @throws InterruptedException if interrupted while waiting
   */
  public static String run(String osName, String osArch, Class<?> owner, String method)
      throws IOException, InterruptedException {
    List<String> options = new ArrayList<>();
    if (osName != null) {
      options.add("-Dos.name=" + osName);
    }
    options.add("-Dos.arch=" + osArch);
    return ChildJvm.run(options, owner, method);
  }

  /**
   * The line a child prints when the method threw because the library does not support the
   * platform.
   *
   * @param platform how the library names the platform, e.g.
   *     {@code Linux on ppc64le (os.name 'Linux', os.arch 'ppc64le')}
   * @return {@code threw …NativeLibraryUnavailableException: netkit native library unavailable:
   *     netkit's native library does not support PLATFORM}
   */
  public static String threwUnsupported(String platform) {
    return "threw " + NativeLibraryUnavailableException.class.getName()
        + ": netkit native library unavailable: netkit's native library does not support "
        + platform;
  }
}
