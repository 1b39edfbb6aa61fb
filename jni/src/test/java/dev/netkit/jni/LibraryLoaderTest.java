package dev.netkit.jni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
  private boolean linked;

  LibraryLoaderTest() {
    properties.setProperty("os.name", "Linux");
    properties.setProperty("os.arch", "amd64");
  }

  private LibraryLoader loader(Function<String, InputStream> resources) {
    IntSupplier probe = () -> {
      if (!linked) {
        throw new UnsatisfiedLinkError("'int dev.netkit.jni.Natives.abiVersion0()'");
      }
      return Natives.ABI_VERSION;
    };
    return new LibraryLoader(properties, path -> {
      loaded.add(path);
      try {
        loadedContents.add(Files.readAllBytes(Path.of(path)));
      } catch (IOException e) {
        throw new AssertionError(e);
      }
      linked = true;
    }, probe, resources);
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
  void extractsTheJarLibraryIntoTheWorkDirectoryAndDeletesItAfterLoading() throws IOException {
    properties.setProperty(NativeLibrary.WORK_DIRECTORY_PROPERTY, workDir.toString());

    assertThat(loaderWithJarLibrary().load()).isNull();

    assertThat(loaded).hasSize(1);
    Path file = Path.of(loaded.get(0));
    assertThat(file.getParent()).isEqualTo(workDir);
    assertThat(file.getFileName().toString()).startsWith("libnetkit-").endsWith(".so");
    assertThat(loadedContents.get(0)).isEqualTo(LIBRARY);
    assertThat(file).doesNotExist();
  }

  @Test
  void workDirectoryDefaultsToTheTemporaryDirectory() {
    properties.setProperty("java.io.tmpdir", workDir.toString());

    assertThat(loaderWithJarLibrary().load()).isNull();
    assertThat(Path.of(loaded.get(0)).getParent()).isEqualTo(workDir);
  }

  @Test
  void everyExtractionGetsItsOwnFile() throws IOException {
    LibraryLoader loader = loaderWithJarLibrary();

    Path first = loader.extract(RESOURCE, workDir);
    Path second = loader.extract(RESOURCE, workDir);

    assertThat(first).isNotEqualTo(second);
    assertThat(Files.readAllBytes(first)).isEqualTo(LIBRARY);
    assertThat(Files.readAllBytes(second)).isEqualTo(LIBRARY);
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
    }, name -> new ByteArrayInputStream(LIBRARY));

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
  void unsupportedPlatformNamesOsAndArchitecture() {
    properties.setProperty("os.name", "Mac OS X");
    properties.setProperty("os.arch", "aarch64");

    Throwable cause = loaderWithJarLibrary().load();

    assertThat(cause).isInstanceOf(UnsatisfiedLinkError.class)
        .hasMessageContaining("OS 'Mac OS X'").hasMessageContaining("architecture 'aarch64'");
    assertThatThrownBy(() -> LibraryLoader.platformDirectory("Linux", "aarch64"))
        .hasMessageContaining("'Linux'").hasMessageContaining("'aarch64'");
    assertThat(LibraryLoader.platformDirectory("Linux", "x86_64"))
        .isEqualTo("META-INF/native/linux-x86_64");
  }

  @Test
  void libraryWithAnotherAbiVersionIsRefused() {
    properties.setProperty(NativeLibrary.WORK_DIRECTORY_PROPERTY, workDir.toString());
    LibraryLoader loader = new LibraryLoader(properties, loaded::add, () -> {
      if (loaded.isEmpty()) {
        throw new UnsatisfiedLinkError("not linked");
      }
      return Natives.ABI_VERSION + 1;
    }, name -> new ByteArrayInputStream(LIBRARY));

    assertThat(loader.load()).hasMessageContaining("ABI version " + (Natives.ABI_VERSION + 1));
  }
}
