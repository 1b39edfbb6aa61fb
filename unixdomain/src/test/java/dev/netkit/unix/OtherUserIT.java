package dev.netkit.unix;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.netkit.jni.NativeLibrary;
import dev.netkit.unix.testing.OtherUserProbe;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real permission errors and a real peer of another user: a child JVM runs as {@code nobody}
 * (uid 65534, through setpriv(1)), which needs root. Without root the EACCES case runs in
 * {@link SocketFileIT} instead.
 *
 * <p>The build's class path may sit where nobody cannot read it (a clone in a 0700 directory),
 * so the child gets a copy of every class-path jar and class directory, and of the logging
 * configuration, in a temporary directory made readable; the test is skipped, with the reason,
 * when a directory above that one is closed to other users.
 */
class OtherUserIT {

  private static final int NOBODY = 65534;

  @TempDir
  Path dir;

  private Path lib;

  @BeforeEach
  void requireRootAndSetpriv() throws Exception {
    assumeTrue(PeerCredentials.currentUid() == 0, "needs root to run a child as nobody");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "needs setpriv(1)");
    Path closed = closedToOthers(dir.getParent());
    assumeTrue(closed == null, () -> "nobody cannot reach the temporary directory " + dir
        + ": " + closed + " is closed to other users (set java.io.tmpdir elsewhere)");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    lib = Files.createDirectory(dir.resolve("lib"));
  }

  /** The first of {@code dir} and its ancestors that other users cannot search, or null. */
  private static Path closedToOthers(Path dir) throws IOException {
    for (Path p = dir.toRealPath(); p != null; p = p.getParent()) {
      if (!Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
        return p;
      }
    }
    return null;
  }

  @Test
  void anotherUserGetsPermissionDeniedAndIsSeenWithItsOwnCredentials() throws Exception {
    Path locked = Files.createDirectory(dir.resolve("locked"));
    Set<PeerCredentials> seen = ConcurrentHashMap.newKeySet();
    try (UnixStreamServer privateServer = server("private", "0600", PeerAuthorizer.allowAll(),
            seen);
        UnixStreamServer rootOnly = server("root-only", "0666", PeerAuthorizer.allowUids(0),
            seen);
        UnixStreamServer forNobody = server("for-nobody", "0666",
            PeerAuthorizer.allowUids(NOBODY), seen)) {
      List<String> lines = runAsNobody(
          "bind-stream", locked.resolve("s").toString(),
          "bind-datagram", locked.resolve("d").toString(),
          "connect", privateServer.path().toString(),
          "connect", rootOnly.path().toString(),
          "connect", forNobody.path().toString());

      assertThat(lines.get(0)).isEqualTo("PermissionDeniedException bind " + locked.resolve("s")
          + ": permission denied (EACCES): cannot create a file in " + locked);
      if (NativeLibrary.isAvailable()) {
        assertThat(lines.get(1)).isEqualTo("PermissionDeniedException bind "
            + locked.resolve("d") + ": permission denied (EACCES): cannot create a file in "
            + locked);
      }
      assertThat(lines.get(2)).isEqualTo("PermissionDeniedException connect "
          + privateServer.path() + ": permission denied (EACCES): no write permission on the"
          + " socket file, or no search permission on a directory above it");
      assertThat(lines.get(3)).isEqualTo("ANSWER:unix-stream-server: refused: uid " + NOBODY
          + " may not use this server");
      assertThat(lines.get(4)).isEqualTo("ANSWER:served");
      assertThat(seen).extracting(PeerCredentials::uid).containsOnly(NOBODY);
      assertThat(seen).extracting(PeerCredentials::gid).containsOnly(NOBODY);
      if (NativeLibrary.isAvailable()) {
        assertThat(seen).extracting(PeerCredentials::pid).doesNotContain(
            ProcessHandle.current().pid(), PeerCredentials.UNKNOWN_PID);
      }
    }
    try (var files = Files.list(locked)) {
      assertThat(files).isEmpty();
    }
  }

  private UnixStreamServer server(String name, String mode, PeerAuthorizer authorizer,
      Set<PeerCredentials> seen) throws IOException {
    Path path = dir.resolve(name);
    SocketFileConfig socketFile = SocketFileConfig.builder(path)
        .permissions(FileModes.parse(mode))
        .authorizer(peer -> {
          seen.add(peer);
          return authorizer.authorize(peer);
        })
        .build();
    return new UnixStreamServer(
        UnixStreamServerConfig.builder(path).socketFile(socketFile).build(),
        connection -> connection.io().write(ByteBuffer.wrap("served".getBytes(UTF_8)))).start();
  }

  /** Runs {@link OtherUserProbe} as nobody on a copy of the class path that nobody can read. */
  private List<String> runAsNobody(String... actions) throws Exception {
    List<String> classPath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (Files.exists(path)) {
        Path copy = lib.resolve(classPath.size() + "-" + path.getFileName());
        copyReadable(path, copy);
        classPath.add(copy.toString());
      }
    }
    List<String> command = new ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=" + NOBODY,
        "--regid=" + NOBODY, "--clear-groups",
        Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    if (Runtime.version().feature() >= 22) {
      command.add("--enable-native-access=ALL-UNNAMED");
    }
    String logging = System.getProperty("logback.configurationFile");
    if (logging != null && Files.isRegularFile(Path.of(logging))) {
      Path copy = lib.resolve("logback-test.xml");
      copyReadable(Path.of(logging), copy);
      command.add("-Dlogback.configurationFile=" + copy);
    }
    command.addAll(List.of("-Djava.io.tmpdir=" + lib, "-cp", String.join(File.pathSeparator,
        classPath), OtherUserProbe.class.getName()));
    command.addAll(List.of(actions));
    Files.setPosixFilePermissions(lib, PosixFilePermissions.fromString("rwxrwxrwx"));
    Process child = new ProcessBuilder(command).directory(lib.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      String output = new String(child.getInputStream().readAllBytes(), UTF_8);
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).as("child output: %s", output).isZero();
      return List.of(output.split("\n"));
    } finally {
      child.destroyForcibly();
    }
  }

  /** Copies a file, or a directory tree, so that other users can read it. */
  private static void copyReadable(Path from, Path to) throws IOException {
    try (Stream<Path> tree = Files.walk(from)) {
      for (Path source : (Iterable<Path>) tree::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
          Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        } else {
          Files.copy(source, target);
          Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        }
      }
    }
  }
}
