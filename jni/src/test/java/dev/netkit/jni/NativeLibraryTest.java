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
    assertThat(AbiProbe.abiVersion()).isEqualTo(AbiProbe.ABI_VERSION);
  }
}
