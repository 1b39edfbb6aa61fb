package dev.netkit.urgent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.jni.testing.Loopback;
import dev.netkit.jni.testing.PretendPlatform;
import org.junit.jupiter.api.Test;

/**
 * On a platform without netkit's native library, wrapping a socket fails with the platform named,
 * not with an {@link UnsatisfiedLinkError}. The child JVM pretends to run on another architecture
 * (pretending another {@code os.name} would break the JDK's own socket code before netkit's).
 */
class UnsupportedPlatformIT {

  static void wrapConnectedSocket() throws Exception {
    Loopback.withSockets((client, server) -> UrgentSocket.of(client));
  }

  @Test
  void wrappingASocketNamesTheUnsupportedPlatform() throws Exception {
    String output = PretendPlatform.run(null, "ppc64le",
        UnsupportedPlatformIT.class, "wrapConnectedSocket");

    assertThat(output).contains(PretendPlatform.threwUnsupported(
        "Linux on ppc64le (os.name 'Linux', os.arch 'ppc64le')"));
  }
}
