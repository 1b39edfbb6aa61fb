package dev.netkit.unix.localtime;

import dev.netkit.codec.localtime.LocaltimeCodec;
import dev.netkit.unix.FileModes;
import dev.netkit.unix.UnixDatagram;
import dev.netkit.unix.UnixDatagramSocket;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The book's localtime client: binds a socket of its own at a unique temporary path (so the
 * server can answer), asks for the time in a zone, and waits for the answer with a timeout. The
 * temporary socket file is always removed: when the call returns or fails, and at JVM shutdown
 * (Ctrl-C) through {@link dev.netkit.unix.SocketFile}.
 *
 * <p>Unlike the book's client it connects its socket to the server, so the kernel delivers only
 * the server's datagrams to it: nobody else can slip in a forged answer.
 */
public final class LocaltimeClient {

  /** The book's timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

  private final Path server;
  private final Duration timeout;
  private final Path temporaryDirectory;
  private final Set<PosixFilePermission> permissions;

  /**
   * Creates a client with the book's defaults: 1 s timeout, its socket in {@code java.io.tmpdir}
   * with mode {@code 0600} (servers running as another user, except root, cannot answer it).
   *
   * @param server the server's socket path
   */
  public LocaltimeClient(Path server) {
    this(server, DEFAULT_TIMEOUT, Path.of(System.getProperty("java.io.tmpdir")),
        FileModes.toPermissions(FileModes.DEFAULT_SOCKET_MODE));
  }

  /**
   * Creates a client.
   *
   * @param server the server's socket path
   * @param timeout how long to wait for the answer; positive
   * @param temporaryDirectory where the client's own socket file goes
   * @param permissions the mode of that socket file; the server needs write access to it
   */
  public LocaltimeClient(Path server, Duration timeout, Path temporaryDirectory,
      Set<PosixFilePermission> permissions) {
    this.server = Objects.requireNonNull(server, "server");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout : " + timeout + " (expected: > 0)");
    }
    this.timeout = timeout;
    this.temporaryDirectory = Objects.requireNonNull(temporaryDirectory, "temporaryDirectory");
    this.permissions = Objects.requireNonNull(permissions, "permissions");
  }

  /**
   * Asks the server for the time.
   *
   * @param zone a time-zone name such as {@code Europe/Warsaw}, or null for the server's local
   *     time
   * @return the answer, e.g. {@code Sat Jun 17 22:06:24 2000}
   * @throws SocketTimeoutException if no answer came within the timeout; the message names the
   *     server and the timeout
   * @throws IOException if the server's socket cannot be reached, or the client's cannot be bound
   */
  public String ask(String zone) throws IOException {
    try (UnixDatagramSocket socket = UnixDatagramSocket.open()
        .maxDatagramBytes(LocaltimeCodec.MAX_REQUEST_BYTES)
        .receiveTimeout(timeout)
        .sendTimeout(timeout)) {
      socket.bind(temporaryPath(), permissions);
      socket.connect(server);
      socket.send(LocaltimeCodec.request(zone));
      UnixDatagram answer;
      try {
        answer = socket.receive();
      } catch (SocketTimeoutException e) {
        SocketTimeoutException timedOut = new SocketTimeoutException("no answer from " + server
            + " within " + timeout.toMillis() + " ms: is the server running (and not stopped)?");
        timedOut.initCause(e);
        throw timedOut;
      }
      return LocaltimeCodec.answerText(answer.data());
    }
  }

  private Path temporaryPath() {
    return temporaryDirectory.resolve("localtime-client-" + ProcessHandle.current().pid() + "-"
        + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36));
  }
}
