package dev.netkit.jni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryLoaderTest {

  private static final byte[] LIBRARY = "not really ELF".getBytes(StandardCharsets.US_ASCII);
  private static final String RESOURCE = "META-INF/native/linux-x86_64/libnetkit.so";

  @TempDir
  Path workDir;

  private final Properties properties = new Properties();
  private final List<String> loaded = new ArrayList<>();
  private final List<byte[]> loadedContents = new ArrayList<>();
  private final List<String> loadedDirectoryModes = new ArrayList<>();
  private boolean linked;
  private boolean musl;

  LibraryLoaderTest() {
    properties.setProperty("os.name", "Linux");
    properties.setProperty("os.arch", "amd64");
  }

  private LibraryLoader loader(Function<String, InputStream> resources) {
    IntSupplier probe = () -> {
      if (!linked) {
        throw new UnsatisfiedLinkError("'int dev.netkit.jni.AbiProbe.abiVersion0()'");
      }
      return AbiProbe.ABI_VERSION;
    };
    return new LibraryLoader(properties, path -> {
      loaded.add(path);
      try {
        loadedContents.add(Files.readAllBytes(Path.of(path)));
        loadedDirectoryModes.add(PosixFilePermissions.toString(
            Files.getPosixFilePermissions(Path.of(path).getParent(), LinkOption.NOFOLLOW_LINKS)));
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      linked = true;
    }, probe, resources, () -> musl);
  }

  private LibraryLoader loaderWithJarLibrary() {
    return loader(name -> name.equals(RESOURCE) ? new ByteArrayInputStream(LIBRARY) : null);
  }

  @Test
  void alreadyLoadedLibraryIsUsedWithoutLoadingAgain() {
    linked = true;

    assertThat(loaderWithJarLibrary().load()).isNull();
    assertThat(loaded).isEmpty();
  }

  @Test
  void extractsIntoAPrivateDirectoryAndDeletesBothAfterLoading() throws IOException {
    properties.setProperty(NativeLibrary.WORK_DIRECTORY_PROPERTY, workDir.toString());

    assertThat(loaderWithJarLibrary().load()).isNull();

    assertThat(loaded).hasSize(1);
    Path file = Path.of(loaded.get(0));
    assertThat(file.getFileName()).hasToString("libnetkit.so");
    assertThat(file.getParent().getParent()).isEqualTo(workDir);
    assertThat(file.getParent().getFileName().toString()).startsWith("netkit-");
    assertThat(loadedContents.get(0)).isEqualTo(LIBRARY);
    assertThat(loadedDirectoryModes).containsExactly("rwx------");
    assertThat(file).doesNotExist();
    assertThat(workDir).isEmptyDirectory();
  }

  @Test
  void workDirectoryDefaultsToTheTemporaryDirectory() {
    properties.setProperty("java.io.tmpdir", workDir.toString());

    assertThat(loaderWithJarLibrary().load()).isNull();
    assertThat(Path.of(loaded.get(0)).getParent().getParent()).isEqualTo(workDir);
  }

  @Test
  void missingWorkDirectoryIsCreated() {
    Path missing = workDir.resolve("a/b");
    properties.setProperty(NativeLibrary.WORK_DIRECTORY_PROPERTY, missing.toString());

    assertThat(loaderWithJarLibrary().load()).isNull();
    assertThat(Path.of(loaded.get(0)).getParent().getParent()).isEqualTo(missing);
  }

  @Test
  void everyExtractionGetsItsOwnPrivateDirectory() throws IOException {
    LibraryLoader loader = loaderWithJarLibrary();

    Path first = loader.extract(RESOURCE, workDir);
    Path second = loader.extract(RESOURCE, workDir);

    assertThat(first.getParent()).isNotEqualTo(second.getParent());
    assertThat(Files.readAllBytes(first)).isEqualTo(LIBRARY);
    assertThat(Files.readAllBytes(second)).isEqualTo(LIBRARY);
    LibraryLoader.checkPrivate(first);
    LibraryLoader.checkPrivate(second);
  }

  @Test
  void directoryOthersCanEnterIsRefused() throws IOException {
    Path file = loaderWithJarLibrary().extract(RESOURCE, workDir);
    Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));

    assertThatThrownBy(() -> LibraryLoader.checkPrivate(file))
        .hasMessage(file.getParent() + " has mode rwxr-xr-x (expected: rwx------)");
  }

  @Test
  void symbolicLinkInsteadOfTheDirectoryIsRefused() throws IOException {
    Path file = loaderWithJarLibrary().extract(RESOURCE, workDir);
    Path link = Files.createSymbolicLink(workDir.resolve("link"), file.getParent());

    assertThatThrownBy(() -> LibraryLoader.checkPrivate(link.resolve("libnetkit.so")))
        .hasMessage(link + " is not a directory (a symbolic link?)");
  }

  @Test
  void libraryOthersCanWriteIsRefused() throws IOException {
    Path file = loaderWithJarLibrary().extract(RESOURCE, workDir);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));

    assertThatThrownBy(() -> LibraryLoader.checkPrivate(file))
        .hasMessageContaining(file + " has mode rw-rw-r--");
  }

  @Test
  void failedExtractionLeavesNothingBehind() {
    properties.setProperty(NativeLibrary.WORK_DIRECTORY_PROPERTY, workDir.toString());
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("disk on fire");
      }
    };

    Throwable cause = loader(name -> broken).load();

    assertThat(cause).hasMessageContaining("disk on fire");
    assertThat(loaded).isEmpty();
    assertThat(workDir).isEmptyDirectory();
  }

  @Test
  void overridePropertyIsLoadedInsteadOfTheJarLibrary() throws IOException {
    Path custom = Files.write(workDir.resolve("custom.so"), LIBRARY);
    properties.setProperty(NativeLibrary.LIBRARY_PATH_PROPERTY, custom.toString());

    assertThat(loaderWithJarLibrary().load()).isNull();
    assertThat(loaded).containsExactly(custom.toString());
  }

  @Test
  void failedOverrideFallsBackToTheJarAndIsKeptAsSuppressed() {
    properties.setProperty(NativeLibrary.LIBRARY_PATH_PROPERTY, "/nonexistent/libnetkit.so");
    properties.setProperty(NativeLibrary.WORK_DIRECTORY_PROPERTY, workDir.toString());
    LibraryLoader loader = new LibraryLoader(properties, path -> {
      loaded.add(path);
      throw new UnsatisfiedLinkError("no such file: " + path);
    }, () -> {
      throw new UnsatisfiedLinkError("not linked");
    }, name -> new ByteArrayInputStream(LIBRARY), () -> false);

    Throwable cause = loader.load();

    assertThat(loaded).hasSize(2).first().isEqualTo("/nonexistent/libnetkit.so");
    assertThat(cause).isInstanceOf(UnsatisfiedLinkError.class)
        .hasMessageContaining("cannot load " + workDir)
        .hasMessageContaining(NativeLibrary.WORK_DIRECTORY_PROPERTY);
    assertThat(cause.getSuppressed()).hasSize(1);
    assertThat(cause.getSuppressed()[0]).hasMessageContaining("/nonexistent/libnetkit.so");
  }

  @Test
  void missingResourceSaysTheJarHasNoLibrary() {
    properties.setProperty(NativeLibrary.WORK_DIRECTORY_PROPERTY, workDir.toString());

    Throwable cause = loader(name -> null).load();

    assertThat(cause).hasMessageContaining("no " + RESOURCE + " on the class path");
    assertThat(loaded).isEmpty();
  }

  @Test
  void unsupportedPlatformIsNamedAndNothingIsExtracted() {
    properties.setProperty("os.name", "Mac OS X");
    properties.setProperty("os.arch", "aarch64");
    properties.setProperty(NativeLibrary.WORK_DIRECTORY_PROPERTY, workDir.toString());

    Throwable cause = loaderWithJarLibrary().load();

    assertThat(cause).isInstanceOf(UnsatisfiedLinkError.class).hasMessage(
        "netkit's native library does not support macOS (os.name 'Mac OS X', os.arch 'aarch64');"
            + " it is built for Linux x86_64 and Linux aarch64, with glibc 2.17 or later");
    assertThat(loaded).isEmpty();
    assertThat(workDir).isEmptyDirectory();
  }

  @Test
  void muslIsNamedAsUnsupported() {
    musl = true;

    assertThat(loaderWithJarLibrary().load())
        .hasMessageStartingWith("netkit's native library does not support Linux x86_64 with musl");
  }

  @Test
  void eachArchitectureLoadsItsOwnLibrary() {
    properties.setProperty("os.arch", "arm64");
    properties.setProperty(NativeLibrary.WORK_DIRECTORY_PROPERTY, workDir.toString());
    List<String> asked = new ArrayList<>();

    assertThat(loader(name -> {
      asked.add(name);
      return new ByteArrayInputStream(LIBRARY);
    }).load()).isNull();
    assertThat(asked).containsExactly("META-INF/native/linux-aarch64/libnetkit.so");
  }

  @Test
  void libraryWithAnotherAbiVersionIsRefused() {
    properties.setProperty(NativeLibrary.WORK_DIRECTORY_PROPERTY, workDir.toString());
    LibraryLoader loader = new LibraryLoader(properties, loaded::add, () -> {
      if (loaded.isEmpty()) {
        throw new UnsatisfiedLinkError("not linked");
      }
      return AbiProbe.ABI_VERSION + 1;
    }, name -> new ByteArrayInputStream(LIBRARY), () -> false);

    assertThat(loader.load()).hasMessageContaining("ABI version " + (AbiProbe.ABI_VERSION + 1));
  }
}
