package dev.netkit.jni;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt to make {@code libnetkit.so} usable, in the order junixsocket's
 * {@code NativeLibraryLoader} and Netty's {@code Epoll} use: (1) a side-effect-free native call, in
 * case the library is loaded already; (2) the file named by
 * {@link NativeLibrary#LIBRARY_PATH_PROPERTY};
 * (3) the library inside the jar, copied to a unique file in the work directory
 * ({@link NativeLibrary#WORK_DIRECTORY_PROPERTY}, default {@code java.io.tmpdir}) and loaded from
 * there. Every failed step is kept as a suppressed exception of the final cause.
 *
 * <p>The system hooks are parameters so that tests can drive every branch without loading
 * anything twice into their JVM.
 */
final class LibraryLoader {

  private static final Logger LOG = LoggerFactory.getLogger(LibraryLoader.class);
  private static final String LIBRARY_FILE = "libnetkit.so";

  private final Properties properties;
  private final Consumer<String> systemLoad;
  private final IntSupplier abiProbe;
  private final Function<String, InputStream> resources;

  /**
   * Creates a loader.
   *
   * @param properties where the override properties and {@code os.name}, {@code os.arch},
   *     {@code java.io.tmpdir} are read
   * @param systemLoad loads a library file by absolute path ({@code System::load})
   * @param abiProbe calls the library's version native; throws {@link UnsatisfiedLinkError} when
   *     the library is not loaded
   * @param resources opens a class-path resource by name, or returns null when it is missing
   */
  LibraryLoader(Properties properties, Consumer<String> systemLoad, IntSupplier abiProbe,
      Function<String, InputStream> resources) {
    this.properties = properties;
    this.systemLoad = systemLoad;
    this.abiProbe = abiProbe;
    this.resources = resources;
  }

  /**
   * Tries each way to load the library in turn.
   *
   * @return null when the library is usable, else why not (earlier failures suppressed in it)
   */
  Throwable load() {
    UnsatisfiedLinkError failures = null;
    try {
      checkAbi("already loaded");
      return null;
    } catch (UnsatisfiedLinkError notLoadedYet) {
      // The normal case: nobody has loaded the library into this class loader yet.
    }
    String override = properties.getProperty(NativeLibrary.LIBRARY_PATH_PROPERTY);
    if (override != null && !override.isBlank()) {
      try {
        loadFile(Path.of(override).toAbsolutePath().toString());
        return null;
      } catch (UnsatisfiedLinkError | RuntimeException e) {
        failures = collect(failures, e);
      }
    }
    try {
      loadFromJar();
      return null;
    } catch (UnsatisfiedLinkError | IOException | RuntimeException e) {
      return collect(failures, e);
    }
  }

  /**
   * The directory of the library inside the jar for a platform.
   *
   * @param osName the {@code os.name} value
   * @param osArch the {@code os.arch} value
   * @return e.g. {@code META-INF/native/linux-x86_64}
   * @throws UnsatisfiedLinkError naming both when netkit has no build for the platform
   */
  static String platformDirectory(String osName, String osArch) {
    String os = String.valueOf(osName).toLowerCase(Locale.ROOT);
    String arch = String.valueOf(osArch).toLowerCase(Locale.ROOT);
    boolean linux = os.equals("linux");
    boolean x8664 = arch.equals("amd64") || arch.equals("x86_64");
    if (!linux || !x8664) {
      throw new UnsatisfiedLinkError("netkit has no native library for OS '" + osName
          + "' and architecture '" + osArch + "' (supported: Linux on x86_64/amd64)");
    }
    return "META-INF/native/linux-x86_64";
  }

  /**
   * Copies the library resource to a new, uniquely named file in {@code workDirectory}.
   *
   * @param resource the resource name of the library
   * @param workDirectory where to put the file
   * @return the new file
   * @throws IOException when the resource is missing or the file cannot be written
   */
  Path extract(String resource, Path workDirectory) throws IOException {
    try (InputStream in = resources.apply(resource)) {
      if (in == null) {
        throw new IOException("no " + resource + " on the class path (was netkit-jni built"
            + " without gcc? see its build log)");
      }
      Files.createDirectories(workDirectory);
      Path file = Files.createTempFile(workDirectory, "libnetkit-", ".so");
      try {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        Files.deleteIfExists(file);
        throw e;
      }
      return file;
    }
  }

  private void loadFromJar() throws IOException {
    String resource = platformDirectory(properties.getProperty("os.name"),
        properties.getProperty("os.arch")) + "/" + LIBRARY_FILE;
    Path file = extract(resource, workDirectory());
    try {
      loadFile(file.toString());
    } finally {
      // Linux keeps the mapping of a loaded library; the file itself is no longer needed.
      if (!file.toFile().delete()) {
        file.toFile().deleteOnExit();
      }
    }
  }

  private Path workDirectory() {
    String dir = properties.getProperty(NativeLibrary.WORK_DIRECTORY_PROPERTY);
    if (dir == null || dir.isBlank()) {
      dir = properties.getProperty("java.io.tmpdir");
    }
    return Path.of(dir);
  }

  private void loadFile(String path) {
    try {
      systemLoad.accept(path);
    } catch (UnsatisfiedLinkError e) {
      throw (UnsatisfiedLinkError) new UnsatisfiedLinkError("cannot load " + path + ": "
          + e.getMessage() + " (a noexec directory? set -D"
          + NativeLibrary.WORK_DIRECTORY_PROPERTY + ")").initCause(e);
    }
    checkAbi(path);
    LOG.debug("loaded native library {}", path);
  }

  private void checkAbi(String where) {
    int version = abiProbe.getAsInt();
    if (version != Natives.ABI_VERSION) {
      throw new UnsatisfiedLinkError("native library (" + where + ") has ABI version " + version
          + ", this netkit-jni needs " + Natives.ABI_VERSION);
    }
  }

  private static UnsatisfiedLinkError collect(UnsatisfiedLinkError earlier, Throwable failure) {
    UnsatisfiedLinkError error = failure instanceof UnsatisfiedLinkError
        ? (UnsatisfiedLinkError) failure
        : (UnsatisfiedLinkError) new UnsatisfiedLinkError(String.valueOf(failure.getMessage()))
            .initCause(failure);
    if (earlier != null) {
      error.addSuppressed(earlier);
    }
    return error;
  }
}
