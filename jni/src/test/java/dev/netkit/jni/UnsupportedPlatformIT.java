package dev.netkit.jni;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.jni.testing.PretendPlatform;
import org.junit.jupiter.api.Test;

/**
 * On a platform netkit has no library for, {@link NativeLibrary} names the detected platform and
 * {@link NativeLibrary#ensureAvailable()} fails with that, not with an {@link UnsatisfiedLinkError}.
 * Each case is a child JVM that pretends to be another platform through {@code os.name} and
 * {@code os.arch}.
 */
class UnsupportedPlatformIT {

  private static final String SUPPORTED =
      "; it is built for Linux x86_64 and Linux aarch64, with glibc 2.17 or later";

  static void ensureAvailable() {
    NativeLibrary.ensureAvailable();
  }

  static Throwable unavailabilityCause() {
    return NativeLibrary.unavailabilityCause();
  }

  @Test
  void macOsIsNamedByEnsureAvailable() throws Exception {
    String output = PretendPlatform.run("Mac OS X", "aarch64",
        UnsupportedPlatformIT.class, "ensureAvailable");

    assertThat(output).contains(PretendPlatform.threwUnsupported(
        "macOS (os.name 'Mac OS X', os.arch 'aarch64')" + SUPPORTED));
  }

  @Test
  void windowsIsNamedByTheCause() throws Exception {
    String output = PretendPlatform.run("Windows 11", "amd64",
        UnsupportedPlatformIT.class, "unavailabilityCause");

    assertThat(output).contains("returned: java.lang.UnsatisfiedLinkError: netkit's native"
        + " library does not support Windows (os.name 'Windows 11', os.arch 'amd64')" + SUPPORTED);
  }

  @Test
  void linuxOnAnotherArchitectureIsNamed() throws Exception {
    String output = PretendPlatform.run(null, "riscv64",
        UnsupportedPlatformIT.class, "ensureAvailable");

    assertThat(output).contains(PretendPlatform.threwUnsupported(
        "Linux on riscv64 (os.name 'Linux', os.arch 'riscv64')" + SUPPORTED));
  }
}
