package dev.netkit.jni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NativePlatformTest {

  private static final String SUPPORTED =
      "; it is built for Linux x86_64 and Linux aarch64, with glibc 2.17 or later";

  @ParameterizedTest(name = "{0} / {1} -> {2}")
  @CsvSource({
      "Linux, amd64, linux-x86_64",
      "Linux, x86_64, linux-x86_64",
      "Linux, x86-64, linux-x86_64",
      "Linux, X64, linux-x86_64",
      "linux, aarch64, linux-aarch64",
      "Linux, arm64, linux-aarch64",
  })
  void linuxOnGlibcMapsOsArchToTheJarDirectory(String osName, String osArch, String directory) {
    NativePlatform platform = NativePlatform.detect(osName, osArch, () -> false);

    assertThat(platform.supported()).isTrue();
    assertThat(platform.directory()).isEqualTo(directory);
    assertThat(platform.unsupportedReason()).isNull();
  }

  @ParameterizedTest(name = "{0} / {1}: {2}")
  @CsvSource(delimiter = '|', value = {
      "Mac OS X | aarch64 | macOS (os.name 'Mac OS X', os.arch 'aarch64')",
      "Mac OS X | x86_64 | macOS (os.name 'Mac OS X', os.arch 'x86_64')",
      "Windows 11 | amd64 | Windows (os.name 'Windows 11', os.arch 'amd64')",
      "FreeBSD | amd64 | FreeBSD (os.name 'FreeBSD', os.arch 'amd64')",
      "Linux | ppc64le | Linux on ppc64le (os.name 'Linux', os.arch 'ppc64le')",
      "Linux | arm | Linux on arm (os.name 'Linux', os.arch 'arm')",
      "Linux | x86 | Linux on x86 (os.name 'Linux', os.arch 'x86')",
  })
  void otherPlatformsAreNamedAsUnsupported(String osName, String osArch, String detected) {
    NativePlatform platform = NativePlatform.detect(osName, osArch, () -> false);

    assertThat(platform.supported()).isFalse();
    assertThat(platform.unsupportedReason())
        .isEqualTo("netkit's native library does not support " + detected + SUPPORTED);
    assertThatThrownBy(platform::directory).isInstanceOf(IllegalStateException.class)
        .hasMessage(platform.unsupportedReason());
  }

  @Test
  void linuxWithMuslIsNamedAsUnsupported() {
    NativePlatform platform = NativePlatform.detect("Linux", "aarch64", () -> true);

    assertThat(platform.supported()).isFalse();
    assertThat(platform.unsupportedReason()).isEqualTo("netkit's native library does not support"
        + " Linux aarch64 with musl libc (Alpine?) (os.name 'Linux', os.arch 'aarch64')"
        + SUPPORTED);
  }

  @Test
  void muslIsOnlyAskedAboutOnLinux() {
    AtomicBoolean asked = new AtomicBoolean();

    NativePlatform.detect("Mac OS X", "aarch64", () -> asked.getAndSet(true));

    assertThat(asked).isFalse();
  }

  @Test
  void missingPropertiesAreNamedNotThrown() {
    assertThat(NativePlatform.detect(null, null, () -> false).unsupportedReason())
        .startsWith("netkit's native library does not support null (os.name 'null'");
  }

  @Test
  void muslIsRecognisedByItsMappedFiles(@TempDir Path dir) throws IOException {
    Path alpine = Files.writeString(dir.resolve("alpine"), String.join("\n",
        "7f0a1c000000-7f0a1c014000 r--p 00000000 08:01 1234 /lib/ld-musl-x86_64.so.1",
        "7f0a1c100000-7f0a1c200000 r-xp 00000000 08:01 5678 /usr/lib/jvm/lib/libjava.so"));
    Path debian = Files.writeString(dir.resolve("debian"), String.join("\n",
        "7f0a1c000000-7f0a1c014000 r--p 00000000 08:01 1234 /usr/lib/x86_64-linux-gnu/libc.so.6",
        "7f0a1c100000-7f0a1c200000 r-xp 00000000 08:01 5678 /usr/lib/jvm/lib/libjava.so"));

    assertThat(NativePlatform.runningOnMusl(alpine)).isTrue();
    assertThat(NativePlatform.runningOnMusl(debian)).isFalse();
    assertThat(NativePlatform.runningOnMusl(dir.resolve("missing"))).isFalse();
  }
}
