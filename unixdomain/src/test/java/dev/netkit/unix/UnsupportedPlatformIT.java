package dev.netkit.unix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.jni.testing.PretendPlatform;
import org.junit.jupiter.api.Test;

/**
 * On a platform without netkit's native library, opening a UNIX datagram socket fails with the
 * platform named, not with an {@link UnsatisfiedLinkError}. The child JVM pretends to be Windows.
 */
class UnsupportedPlatformIT {

  static void openDatagramSocket() throws Exception {
    UnixDatagramSocket.open().close();
  }

  @Test
  void openingADatagramSocketNamesTheUnsupportedPlatform() throws Exception {
    String output = PretendPlatform.run("Windows Server 2022", "amd64",
        UnsupportedPlatformIT.class, "openDatagramSocket");

    assertThat(output).contains(PretendPlatform.threwUnsupported(
        "Windows (os.name 'Windows Server 2022', os.arch 'amd64')"));
  }
}
