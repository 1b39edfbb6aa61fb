package dev.netkit.unix;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole life of one socket file, in one place: claiming the path, giving the file its mode,
 * and removing it again on {@link #close()} or when the JVM shuts down (including on SIGINT and
 * SIGTERM, which run shutdown hooks). Stream servers and datagram sockets both claim their paths
 * here.
 *
 * <h2>Claiming a path</h2>
 * <ul>
 *   <li>A free path is taken.
 *   <li>A socket file whose server is gone (a connect attempt is refused, {@code ECONNREFUSED})
 *       is stale: it is removed and the path reused.
 *   <li>A socket file with a live server is never taken: {@link AddressInUseException}. So is a
 *       socket whose liveness cannot be told (for example {@code EACCES} on the probe).
 *   <li>A path that is not a socket (a regular file, a directory, a symbolic link even to a
 *       socket) is never deleted: {@link AddressInUseException}.
 * </ul>
 *
 * <h2>No moment of wider access</h2>
 * {@code bind(2)} creates the socket file with mode {@code 0777 & ~umask}, and the umask is
 * process-wide, so changing it around {@code bind} races with every other thread. netkit has two
 * ways to make sure the file is never reachable with more than its final mode:
 * <ul>
 *   <li>{@link #claimWithMode}, for netkit's native datagram sockets: the binder creates the file
 *       with its final mode itself ({@code bind(2)} on a short-lived thread with a private umask,
 *       see {@link dev.netkit.jni.internal.UnixDatagramSyscalls#bind}). The socket's own address is the
 *       target path, which datagram peers need in order to answer.
 *   <li>{@link #claim}, for the JDK's stream channels, whose umask cannot be chosen:
 *       <ol>
 *         <li>a private directory ({@code .nk} and four random characters, mode {@code 0700},
 *             created atomically with that mode by {@code mkdir(2)}) is made next to the target,
 *             in the same directory and so on the same file system;
 *         <li>the socket is bound inside it: while its mode is the umask's, only this user can
 *             reach it, because the directory is {@code 0700};
 *         <li>the socket file is {@code chmod}ed to the requested mode (default {@code 0600});
 *         <li>it is hard-linked to the target path with {@code link(2)}, which is atomic and
 *             never replaces an existing file (so a racing server's socket cannot be stolen,
 *             unlike with {@code rename(2)}); the socket is reachable by other users from this
 *             instant on, with its final mode. Connecting through the new name works because
 *             the kernel finds a bound socket by its inode;
 *         <li>the staging name and the private directory are removed.
 *       </ol>
 *       Limits: the file system must have hard links (every Linux disk file system and tmpfs
 *       do); the staging socket path is {@value #STAGING_OVERHEAD} bytes longer than the
 *       target's directory; the socket's own name ({@code getsockname(2)}) stays the staging
 *       path, which is harmless for a stream server (clients connect by path) but is why
 *       datagram sockets use the other way. Use {@link #path()}, not the channel's local
 *       address.
 * </ul>
 * The directory holding the target should not be writable by untrusted users unless it is sticky
 * (as {@code /tmp} is), or they could remove or replace the socket file anyway.
 *
 * <h2>Removal</h2>
 * The file is removed only if it is still the one this object created (same device and inode)
 * and still a socket, so a path that another server claimed in between is left alone. The check
 * and the removal are two system calls, so a replacement in the few microseconds between them
 * cannot be excluded; netkit accepts that.
 */
public final class SocketFile implements AutoCloseable {

  /** Binds a socket to a path: the staging path inside the private directory. */
  @FunctionalInterface
  public interface Binder {

    /**
     * Binds the caller's socket.
     *
     * @param stagingPath where to bind; it fits the limit given to {@link #claim}
     * @throws IOException if {@code bind(2)} fails
     */
    void bind(Path stagingPath) throws IOException;
  }

  /** Binds a socket to the target path, creating the socket file with the given mode itself. */
  @FunctionalInterface
  public interface ModeBinder {

    /**
     * Binds the caller's socket so that its file never has more than {@code permissions}.
     *
     * @param path the target path
     * @param permissions the mode the file must have from its creation on
     * @throws IOException if {@code bind(2)} fails; {@code EADDRINUSE} when the path exists
     */
    void bind(Path path, Set<PosixFilePermission> permissions) throws IOException;
  }

  /** Tells whether a socket file has a live socket behind it. */
  @FunctionalInterface
  public interface LivenessProbe {

    /**
     * Probes an existing socket file, usually by connecting to it.
     *
     * @param path the socket file
     * @return true if a socket accepts there, false if a connect attempt was refused (the file is
     *     stale)
     * @throws IOException if liveness cannot be told; the file is then left alone
     */
    boolean isLive(Path path) throws IOException;
  }

  /** How many times a claim retries when the path reappears after a stale file was removed. */
  public static final int MAX_CLAIM_ATTEMPTS = 5;

  /** How much longer the staging socket path is than the target's directory: "/.nkXXXX/s". */
  public static final int STAGING_OVERHEAD = 10;

  private static final Logger LOG = LoggerFactory.getLogger(SocketFile.class);

  private static final int S_IFMT = 0170000;
  private static final int S_IFSOCK = 0140000;
  private static final String STAGING_PREFIX = ".nk";
  private static final int STAGING_RANDOM_CHARS = 4;
  private static final int MAX_STAGING_ATTEMPTS = 16;
  private static final String STAGING_SOCKET_NAME = "s";
  private static final Set<PosixFilePermission> PRIVATE_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");

  private final Path path;
  private final Object fileKey;
  private final Set<PosixFilePermission> permissions;
  private final AtomicBoolean closed = new AtomicBoolean();

  private SocketFile(Path path, Object fileKey, Set<PosixFilePermission> permissions) {
    this.path = path;
    this.fileKey = fileKey;
    this.permissions = permissions;
  }

  /**
   * Claims {@code path} for a socket that {@code binder} binds, with the given permissions, as
   * described in the class comment. On failure nothing is left behind (no staging directory, no
   * socket file) and the caller closes its socket.
   *
   * @param path where the socket file should be; relative paths are resolved against the working
   *     directory
   * @param permissions the mode of the socket file, e.g. {@code rw-------}
   * @param maxPathBytes the longest path the binder's socket takes ({@link SocketPaths})
   * @param binder binds the caller's socket to the staging path
   * @param probe tells a live socket from a stale one at {@code path}
   * @return the claimed socket file, removed again by {@link #close()} or at JVM shutdown
   * @throws PathTooLongException if the path, or the staging path next to it, is too long
   * @throws AddressInUseException if a live socket or a file that is not a socket is there
   * @throws PermissionDeniedException if the directory does not let this user create files
   * @throws NotADirectoryException if a component of the directory is not a directory
   * @throws IOException if another system call fails
   */
  public static SocketFile claim(Path path, Set<PosixFilePermission> permissions,
      int maxPathBytes, Binder binder, LivenessProbe probe) throws IOException {
    Path target = path.toAbsolutePath().normalize();
    SocketPaths.requireFits(target, maxPathBytes);
    Path directory = target.getParent();
    if (directory == null) {
      throw new IllegalArgumentException("path : " + path + " (expected: a file name)");
    }
    requireFitsStaging(target, directory, maxPathBytes);
    Set<PosixFilePermission> mode = Collections.unmodifiableSet(EnumSet.copyOf(permissions));
    Path staging = createPrivateDirectory(target, directory);
    Path stagingSocket = staging.resolve(STAGING_SOCKET_NAME);
    try {
      binder.bind(stagingSocket);
      Files.setPosixFilePermissions(stagingSocket, mode);
      Object key = attributes(stagingSocket).fileKey();
      linkIntoPlace(target, stagingSocket, probe);
      return registered(target, key, mode);
    } catch (IOException e) {
      throw SocketErrors.translate("bind", target, e);
    } finally {
      deleteQuietly(stagingSocket);
      deleteQuietly(staging);
    }
  }

  /**
   * Claims {@code path} for a socket that {@code binder} binds there directly, creating the file
   * with its final mode (see the class comment). A path that is taken is inspected as by
   * {@link #claim}: a stale socket file is removed and the bind retried, anything else refused.
   *
   * @param path where the socket file should be; relative paths are resolved against the working
   *     directory
   * @param permissions the mode of the socket file
   * @param maxPathBytes the longest path the binder's socket takes ({@link SocketPaths})
   * @param binder binds the caller's socket at the path with the mode
   * @param probe tells a live socket from a stale one at {@code path}
   * @return the claimed socket file, removed again by {@link #close()} or at JVM shutdown
   * @throws PathTooLongException if the path is too long
   * @throws AddressInUseException if a live socket or a file that is not a socket is there
   * @throws PermissionDeniedException if the directory does not let this user create files
   * @throws NotADirectoryException if a component of the directory is not a directory
   * @throws IOException if another system call fails
   */
  public static SocketFile claimWithMode(Path path, Set<PosixFilePermission> permissions,
      int maxPathBytes, ModeBinder binder, LivenessProbe probe) throws IOException {
    Path target = path.toAbsolutePath().normalize();
    SocketPaths.requireFits(target, maxPathBytes);
    Set<PosixFilePermission> mode = Collections.unmodifiableSet(EnumSet.copyOf(permissions));
    for (int attempt = 1; ; attempt++) {
      try {
        binder.bind(target, mode);
        break;
      } catch (IOException e) {
        IOException translated = SocketErrors.translate("bind", target, e);
        if (!(translated instanceof AddressInUseException) || attempt == MAX_CLAIM_ATTEMPTS) {
          throw translated;
        }
        removeIfStale(target, probe);
      }
    }
    return registered(target, attributes(target).fileKey(), mode);
  }

  /**
   * Returns the path of the socket file: where clients connect.
   *
   * @return the absolute, normalized path
   */
  public Path path() {
    return path;
  }

  /**
   * Returns the mode the socket file was given.
   *
   * @return the permissions, unmodifiable
   */
  public Set<PosixFilePermission> permissions() {
    return permissions;
  }

  /**
   * Removes the socket file if it is still the one this object created, and forgets it for the
   * shutdown cleanup. Idempotent; the caller closes its socket separately.
   */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      ShutdownCleanup.unregister(this);
      removeIfOurs();
    }
  }

  /**
   * Tells whether a path is a socket file, without following symbolic links.
   *
   * @param path the path
   * @return true for a socket, false for anything else or nothing
   */
  public static boolean isSocket(Path path) {
    try {
      return isSocket(path, attributes(path));
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Tells whether a path is, itself, a socket file owned by a user: the check a server makes
   * before it sends a reply to a path that a peer named, so that a peer cannot redirect the
   * reply to another user's socket. Symbolic links are not followed (a link is never accepted),
   * and any error reading the file's attributes counts as "no".
   *
   * @param path the path
   * @param uid the user that must own the socket
   * @return true only for a socket (not a link to one) whose owner is {@code uid}
   */
  public static boolean isSocketOwnedBy(Path path, int uid) {
    try {
      Map<String, Object> attributes =
          Files.readAttributes(path, "unix:mode,uid", LinkOption.NOFOLLOW_LINKS);
      return ((Integer) attributes.get("mode") & S_IFMT) == S_IFSOCK
          && (Integer) attributes.get("uid") == uid;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException
        | ClassCastException | NullPointerException e) {
      return false;
    }
  }

  private static SocketFile registered(Path target, Object key,
      Set<PosixFilePermission> mode) {
    SocketFile file = new SocketFile(target, key, mode);
    ShutdownCleanup.register(file);
    LOG.debug("claimed socket file {} (mode {})", target, FileModes.format(mode));
    return file;
  }

  private void removeIfOurs() {
    try {
      BasicFileAttributes attributes = attributes(path);
      if (Objects.equals(fileKey, attributes.fileKey()) && isSocket(path, attributes)) {
        Files.delete(path);
        LOG.debug("removed socket file {}", path);
      } else {
        LOG.warn("left {} alone: it is no longer the socket file this process created", path);
      }
    } catch (NoSuchFileException e) {
      LOG.debug("socket file {} was already gone", path);
    } catch (IOException e) {
      LOG.warn("could not remove socket file {}: {}", path, e.toString());
    }
  }

  private static void requireFitsStaging(Path target, Path directory, int maxPathBytes)
      throws PathTooLongException {
    int stagingBytes = SocketPaths.byteLength(directory) + STAGING_OVERHEAD;
    if (stagingBytes > maxPathBytes) {
      throw new PathTooLongException(target, "socket path too long: " + target + " is bound in"
          + " a private directory next to it, whose socket path has " + stagingBytes
          + " bytes (limit: " + maxPathBytes + "; sun_path holds " + SocketPaths.SUN_PATH_BYTES
          + " bytes on Linux, including the terminating NUL); use a shorter directory");
    }
  }

  private static Path createPrivateDirectory(Path target, Path directory) throws IOException {
    for (int attempt = 1; ; attempt++) {
      Path staging = directory.resolve(STAGING_PREFIX + randomSuffix());
      try {
        return Files.createDirectory(staging,
            PosixFilePermissions.asFileAttribute(PRIVATE_DIRECTORY));
      } catch (FileAlreadyExistsException e) {
        if (attempt == MAX_STAGING_ATTEMPTS) {
          throw e;
        }
      } catch (IOException e) {
        throw SocketErrors.translate("bind", target, e);
      }
    }
  }

  private static String randomSuffix() {
    StringBuilder suffix = new StringBuilder(STAGING_RANDOM_CHARS);
    for (int i = 0; i < STAGING_RANDOM_CHARS; i++) {
      suffix.append(Character.forDigit(ThreadLocalRandom.current().nextInt(36), 36));
    }
    return suffix.toString();
  }

  private static void linkIntoPlace(Path target, Path stagingSocket, LivenessProbe probe)
      throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        Files.createLink(target, stagingSocket);
        return;
      } catch (FileAlreadyExistsException e) {
        if (attempt == MAX_CLAIM_ATTEMPTS) {
          throw new AddressInUseException(target, "bind " + target + ": address in use"
              + " (EADDRINUSE): the path was taken again after each of " + MAX_CLAIM_ATTEMPTS
              + " removals of a stale socket file", e);
        }
        removeIfStale(target, probe);
      }
    }
  }

  private static void removeIfStale(Path target, LivenessProbe probe) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes = attributes(target);
    } catch (NoSuchFileException e) {
      return;
    }
    String head = "bind " + target + ": address in use (EADDRINUSE): ";
    if (!isSocket(target, attributes)) {
      throw new AddressInUseException(target, head + "the path exists and is not a socket ("
          + describe(attributes) + "); netkit leaves it alone", null);
    }
    boolean live;
    try {
      live = probe.isLive(target);
    } catch (IOException e) {
      if (Files.notExists(target, LinkOption.NOFOLLOW_LINKS)) {
        return;
      }
      throw new AddressInUseException(target, head + "cannot tell whether the socket there is"
          + " live (" + e.getMessage() + "); netkit leaves it alone", e);
    }
    if (live) {
      throw new AddressInUseException(target, head + "a server is accepting connections there;"
          + " stop it or choose another path", null);
    }
    removeIfSameFile(target, attributes.fileKey());
  }

  /**
   * Removes the stale file at {@code target} only if it is still the file that was probed. A
   * check-then-delete would race with another claimer that removes the stale file and links its
   * live socket in between (both servers would then run); so the file is first renamed aside
   * atomically ({@code rename(2)}), checked there, and put back if it turned out to be another
   * claimer's fresh socket.
   */
  private static void removeIfSameFile(Path target, Object staleKey) throws IOException {
    Path aside = target.resolveSibling(STAGING_PREFIX + "-stale-" + randomSuffix() + randomSuffix());
    try {
      Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException e) {
      return;
    }
    if (Objects.equals(staleKey, attributes(aside).fileKey())) {
      Files.delete(aside);
      LOG.info("removed stale socket file {} (its server is gone)", target);
      return;
    }
    try {
      Files.createLink(target, aside);
    } catch (FileAlreadyExistsException e) {
      LOG.warn("socket file {} was replaced while a stale one was being removed; the replaced"
          + " socket's server can no longer be reached by path", target);
    } finally {
      deleteQuietly(aside);
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.warn("could not remove staging path {}: {}", path, e.toString());
    }
  }

  private static BasicFileAttributes attributes(Path path) throws IOException {
    return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
  }

  private static boolean isSocket(Path path, BasicFileAttributes attributes) {
    if (!attributes.isOther()) {
      return false;
    }
    try {
      int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      return (mode & S_IFMT) == S_IFSOCK;
    } catch (UnsupportedOperationException | IllegalArgumentException | IOException e) {
      return true;
    }
  }

  private static String describe(BasicFileAttributes attributes) {
    if (attributes.isSymbolicLink()) {
      return "a symbolic link";
    }
    if (attributes.isDirectory()) {
      return "a directory";
    }
    return attributes.isRegularFile() ? "a regular file" : "a device or pipe";
  }

  /** The socket files to remove when the JVM shuts down; one hook for all of them. */
  private static final class ShutdownCleanup {

    private static final Set<SocketFile> FILES = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOKED = new AtomicBoolean();

    private ShutdownCleanup() {
    }

    static void register(SocketFile file) {
      if (HOOKED.compareAndSet(false, true)) {
        try {
          Runtime.getRuntime().addShutdownHook(
              new Thread(ShutdownCleanup::removeAll, "netkit-socket-file-cleanup"));
        } catch (IllegalStateException e) {
          // The JVM is already shutting down: the owner's close() is the only cleanup left.
        }
      }
      FILES.add(file);
    }

    static void unregister(SocketFile file) {
      FILES.remove(file);
    }

    private static void removeAll() {
      for (SocketFile file : FILES) {
        file.close();
      }
    }
  }
}
