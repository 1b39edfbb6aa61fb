package dev.netkit.jni;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's glibc check ({@code src/build/check-glibc.sh}) against canned {@code readelf}
 * listings, so that every verdict is exercised without compiling anything.
 */
@EnabledOnOs(value = OS.LINUX, disabledReason = "the build script runs on Linux only")
class GlibcCheckScriptTest {

  private static final Path SCRIPT = Path.of("src/build/check-glibc.sh");

  private static final String OLD_SYMBOLS = String.join("\n",
      "Symbol table '.dynsym' contains 4 entries:",
      "   Num:    Value          Size Type    Bind   Vis      Ndx Name",
      "     1: 0000000000000000     0 FUNC    GLOBAL DEFAULT  UND socket@GLIBC_2.2.5 (2)",
      "     2: 0000000000000000     0 FUNC    GLOBAL DEFAULT  UND clock_gettime@GLIBC_2.17 (3)",
      "     3: 0000000000001230    42 FUNC    GLOBAL DEFAULT   12 Java_dev_netkit_jni_x");
  private static final String OLD_NEEDS = String.join("\n",
      "Version needs section '.gnu.version_r' contains 1 entry:",
      " Addr: 0x0000000000000600  Offset: 0x000600  Link: 4 (.dynstr)",
      "  000000: Version: 1  File: libc.so.6  Cnt: 2",
      "  0x0010:   Name: GLIBC_2.17  Flags: none  Version: 3",
      "  0x0020:   Name: GLIBC_2.2.5  Flags: none  Version: 2");

  @TempDir
  Path dir;

  @Test
  void libraryWithinTheLimitPassesAndSaysItsNewestVersion() throws Exception {
    Result result = check(OLD_SYMBOLS, OLD_NEEDS);

    assertThat(result.status).isZero();
    assertThat(result.output).contains("libnetkit.so needs at most GLIBC_2.17 (limit GLIBC_2.17)");
  }

  @Test
  void newerSymbolsFailTheCheckByName() throws Exception {
    Result result = check(OLD_SYMBOLS + "\n"
        + "     4: 0000000000000000     0 FUNC    GLOBAL DEFAULT  UND pthread_create@GLIBC_2.34 (4)\n"
        + "     5: 0000000000000000     0 FUNC    GLOBAL DEFAULT  UND strerrorname_np@GLIBC_2.32 (5)",
        OLD_NEEDS + "\n  0x0030:   Name: GLIBC_2.34  Flags: none  Version: 4"
            + "\n  0x0040:   Name: GLIBC_2.32  Flags: none  Version: 5");

    assertThat(result.status).isEqualTo(1);
    assertThat(result.output).contains("libnetkit.so needs glibc newer than 2.17: "
        + "pthread_create@GLIBC_2.34 strerrorname_np@GLIBC_2.32");
  }

  @Test
  void versionComparisonIsNumericNotTextual() throws Exception {
    // 2.3.4 < 2.17 < 2.18, although "2.3.4" > "2.18" as text.
    Result within = check("  1: 0 0 FUNC GLOBAL DEFAULT UND __snprintf_chk@GLIBC_2.3.4 (2)", "");
    Result beyond = check("  1: 0 0 FUNC GLOBAL DEFAULT UND getrandom@GLIBC_2.18 (2)", "");

    assertThat(within.status).isZero();
    assertThat(beyond.status).isEqualTo(1);
    assertThat(beyond.output).contains("getrandom@GLIBC_2.18");
  }

  @Test
  void newerVersionRequirementWithoutSymbolFailsToo() throws Exception {
    Result result = check(OLD_SYMBOLS, OLD_NEEDS + "\n  0x0030:   Name: GLIBC_2.38  Flags: none");

    assertThat(result.status).isEqualTo(1);
    assertThat(result.output).contains("(version requirement)@GLIBC_2.38");
  }

  @Test
  void unreadableLibraryIsAnError() throws Exception {
    Path readelf = Files.writeString(dir.resolve("readelf"),
        "#!/bin/sh\necho \"readelf: Error: not an ELF file\" >&2\nexit 1\n");
    Files.setPosixFilePermissions(readelf, PosixFilePermissions.fromString("rwx------"));

    Result result = run(readelf);

    assertThat(result.status).isEqualTo(2);
    assertThat(result.output).contains("check-glibc: cannot read libnetkit.so");
  }

  /** Runs the check with a readelf that prints the given listings. */
  private Result check(String dynamicSymbols, String versionNeeds) throws Exception {
    Files.writeString(dir.resolve("dyn-syms.txt"), dynamicSymbols + "\n");
    Files.writeString(dir.resolve("version.txt"), versionNeeds + "\n");
    Path readelf = Files.writeString(dir.resolve("readelf"), "#!/bin/sh\n"
        + "case \" $* \" in\n"
        + "  *' --dyn-syms '*) cat '" + dir.resolve("dyn-syms.txt") + "' ;;\n"
        + "  *' -V '*) cat '" + dir.resolve("version.txt") + "' ;;\n"
        + "  *) exit 9 ;;\n"
        + "esac\n");
    Files.setPosixFilePermissions(readelf, PosixFilePermissions.fromString("rwx------"));
    return run(readelf);
  }

  private Result run(Path readelf) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString(), "2.17", "libnetkit.so")
        .redirectErrorStream(true);
    builder.environment().put("READELF", readelf.toString());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("check-glibc.sh finished").isTrue();
    return new Result(process.exitValue(), output);
  }

  private static final class Result {
    final int status;
    final String output;

    Result(int status, String output) {
      this.status = status;
      this.output = output;
    }
  }
}
