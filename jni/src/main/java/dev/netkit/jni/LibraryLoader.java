package dev.netkit.jni;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.Set;
import java.util.function.BooleanSupplier;
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
 * (3) the platform's library inside the jar ({@link NativePlatform}), copied into a new private
 * directory (mode 0700, unique name) in the work directory
 * ({@link NativeLibrary#WORK_DIRECTORY_PROPERTY}, default {@code java.io.tmpdir}), checked, loaded,
 * and deleted with its directory. Every failed step is kept as a suppressed exception of the final
 * cause.
 *
 * <p>Each load gets its own copy, so JVMs that start together never share a file, and two class
 * loaders of one JVM (two netkit versions, or one jar loaded twice) can each load the library: the
 * JVM refuses to load one library file in two class loaders.
 *
 * <p>The system hooks are parameters so that tests can drive every branch without loading
 * anything twice into their JVM.
 */
final class LibraryLoader {

  private static final Logger LOG = LoggerFactory.getLogger(LibraryLoader.class);
  private static final String LIBRARY_FILE = "libnetkit.so";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rwx------");

  private final Properties properties;
  private final Consumer<String> systemLoad;
  private final IntSupplier abiProbe;
  private final Function<String, InputStream> resources;
  private final BooleanSupplier musl;

  /**
   * Creates a loader.
   *
   * @param properties where the override properties and {@code os.name}, {@code os.arch},
   *     {@code java.io.tmpdir} are read
   * @param systemLoad loads a library file by absolute path ({@code System::load})
   * @param abiProbe calls the library's version native; throws {@link UnsatisfiedLinkError} when
   *     the library is not loaded
   * @param resources opens a class-path resource by name, or returns null when it is missing
   * @param musl tells whether the C library is musl ({@link NativePlatform#runningOnMusl()})
   */
  LibraryLoader(Properties properties, Consumer<String> systemLoad, IntSupplier abiProbe,
      Function<String, InputStream> resources, BooleanSupplier musl) {
    this.properties = properties;
    this.systemLoad = systemLoad;
    this.abiProbe = abiProbe;
    this.resources = resources;
    this.musl = musl;
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
   * The name of the platform's library inside the jar.
   *
   * @return e.g. {@code META-INF/native/linux-x86_64/libnetkit.so}
   * @throws UnsatisfiedLinkError naming the detected platform when netkit has no library for it
   */
  String resource() {
    NativePlatform platform = NativePlatform.detect(properties.getProperty("os.name"),
        properties.getProperty("os.arch"), musl);
    if (!platform.supported()) {
      throw new UnsatisfiedLinkError(platform.unsupportedReason());
    }
    return "META-INF/native/" + platform.directory() + "/" + LIBRARY_FILE;
  }

  /**
   * Copies the library resource into a new private directory in {@code workDirectory}: the
   * directory has a unique name and mode 0700, so no other JVM, class loader or user can use,
   * replace or modify the copy. Check it with {@link #checkPrivate(Path)} before loading it.
   *
   * @param resource the resource name of the library
   * @param workDirectory where to create the private directory (created when missing)
   * @return the copy, {@code <private directory>/libnetkit.so}
   * @throws IOException when the resource is missing or the copy cannot be written (nothing is
   *     left behind then)
   */
  Path extract(String resource, Path workDirectory) throws IOException {
    try (InputStream in = resources.apply(resource)) {
      if (in == null) {
        throw new IOException("no " + resource + " on the class path (was netkit-jni built"
            + " with -Dnetkit.native.skip, or without a compiler for this platform? see its build"
            + " log)");
      }
      Files.createDirectories(workDirectory);
      Path directory = Files.createTempDirectory(workDirectory, "netkit-",
          PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      Path file = directory.resolve(LIBRARY_FILE);
      try {
        // The umask may have narrowed the mode given at creation; checkPrivate wants it exact.
        Files.setPosixFilePermissions(directory, OWNER_ONLY);
        Files.copy(in, file);
      } catch (IOException | RuntimeException e) {
        delete(file);
        throw e;
      }
      return file;
    }
  }

  /**
   * Refuses a library copy that someone else could have replaced or modified: its directory must
   * be a real directory (not a symbolic link) with mode 0700, the library a regular file that no
   * group or other user may write, and both must have the same owner (the file was created by
   * this process, so that owner is this process's user).
   *
   * @param file the copy made by {@link #extract(String, Path)}
   * @throws IOException naming the path and what is wrong with it
   */
  static void checkPrivate(Path file) throws IOException {
    Path directory = file.getParent();
    PosixFileAttributes dir;
    PosixFileAttributes lib;
    try {
      dir = Files.readAttributes(directory, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      lib = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (UnsupportedOperationException e) {
      throw new IOException("cannot check " + directory + ": the file system has no POSIX"
          + " permissions (set -D" + NativeLibrary.WORK_DIRECTORY_PROPERTY + ")", e);
    }
    if (!dir.isDirectory()) {
      throw new IOException(directory + " is not a directory (a symbolic link?)");
    }
    if (!dir.permissions().equals(OWNER_ONLY)) {
      throw new IOException(directory + " has mode "
          + PosixFilePermissions.toString(dir.permissions()) + " (expected: rwx------)");
    }
    if (!lib.isRegularFile()) {
      throw new IOException(file + " is not a regular file");
    }
    if (lib.permissions().contains(PosixFilePermission.GROUP_WRITE)
        || lib.permissions().contains(PosixFilePermission.OTHERS_WRITE)) {
      throw new IOException(file + " has mode " + PosixFilePermissions.toString(lib.permissions())
          + " (expected: no write permission for group and others)");
    }
    if (!dir.owner().equals(lib.owner())) {
      throw new IOException(directory + " belongs to " + dir.owner().getName() + ", not to "
          + lib.owner().getName() + " who wrote the library");
    }
  }

  private void loadFromJar() throws IOException {
    Path file = extract(resource(), workDirectory());
    try {
      checkPrivate(file);
      loadFile(file.toString());
    } finally {
      // Linux keeps the mapping of a loaded library; the copy itself is no longer needed.
      delete(file);
    }
  }

  /** Deletes the copy and its private directory; what cannot go now goes when the JVM exits. */
  private static void delete(Path file) {
    File copy = file.toFile();
    File directory = copy.getParentFile();
    boolean gone = (copy.delete() || !copy.exists()) && directory.delete();
    if (!gone) {
      // deleteOnExit works in reverse order: the file first, then its directory.
      directory.deleteOnExit();
      copy.deleteOnExit();
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
    if (version != AbiProbe.ABI_VERSION) {
      throw new UnsatisfiedLinkError("native library (" + where + ") has ABI version " + version
          + ", this netkit-jni needs " + AbiProbe.ABI_VERSION);
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
