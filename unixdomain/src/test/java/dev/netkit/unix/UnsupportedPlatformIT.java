package dev.netkit.unix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.jni.NativeLibraryUnavailableException;
import dev.netkit.jni.testing.ChildJvm;
import java.util.List;
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
    String output = ChildJvm.run(List.of("-Dos.name=Windows Server 2022", "-Dos.arch=amd64"),
        UnsupportedPlatformIT.class, "openDatagramSocket");

    assertThat(output).contains("threw " + NativeLibraryUnavailableException.class.getName()
        + ": netkit native library unavailable: netkit's native library does not support Windows"
        + " (os.name 'Windows Server 2022', os.arch 'amd64')");
  }
}
