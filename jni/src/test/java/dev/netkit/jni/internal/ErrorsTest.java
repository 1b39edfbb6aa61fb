package dev.netkit.jni.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.jni.BrokenPipeSocketException;
import dev.netkit.jni.testing.RequiresNativeLibrary;
import org.junit.jupiter.api.Test;

@RequiresNativeLibrary
class ErrorsTest {

  @Test
  void errnoTextsComeFromC() {
    assertThat(Natives.errorMessage(Errors.EBADF)).isEqualTo("Bad file descriptor (EBADF)");
    assertThat(Errors.exception(Errors.EPIPE, "send(MSG_OOB)"))
        .isInstanceOf(BrokenPipeSocketException.class)
        .hasMessage("send(MSG_OOB) failed: Broken pipe (EPIPE)");
  }
}
