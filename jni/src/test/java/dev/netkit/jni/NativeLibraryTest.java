package dev.netkit.jni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.netkit.jni.testing.RequiresNativeLibrary;
import org.junit.jupiter.api.Test;

@RequiresNativeLibrary
class NativeLibraryTest {

  @Test
  void theJarLibraryIsLoadedAndAnswersItsVersion() {
    assertThat(NativeLibrary.isAvailable()).isTrue();
    assertThat(NativeLibrary.unavailabilityCause()).isNull();
    assertThatCode(NativeLibrary::ensureAvailable).doesNotThrowAnyException();
    assertThat(Natives.abiVersion()).isEqualTo(Natives.ABI_VERSION);
  }

  @Test
  void errnoTextsComeFromC() {
    assertThat(Natives.errorMessage(Errors.EBADF)).isEqualTo("Bad file descriptor (EBADF)");
    assertThat(Errors.exception(Errors.EPIPE, "send(MSG_OOB)"))
        .isInstanceOf(BrokenPipeSocketException.class)
        .hasMessage("send(MSG_OOB) failed: Broken pipe (EPIPE)");
  }
}
