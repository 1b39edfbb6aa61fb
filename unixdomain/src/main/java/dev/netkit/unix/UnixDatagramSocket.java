package dev.netkit.unix;

import dev.netkit.jni.NativeLibrary;
import dev.netkit.jni.internal.Poll;
import dev.netkit.jni.internal.PollWaker;
import dev.netkit.jni.internal.SocketDescriptors;
import dev.netkit.jni.internal.UnixDatagramSyscalls;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A UNIX-domain datagram socket ({@code AF_UNIX}, {@code SOCK_DGRAM}), which the JDK lacks, over
 * netkit's native library. As the book says, these datagrams are reliable and sequenced: none is
 * lost, reordered or duplicated, and a sender blocks while the receiver's queue is full.
 *
 * <pre>{@code
 * try (UnixDatagramSocket server = UnixDatagramSocket.open().bind(Path.of("/tmp/localtime"))) {
 *   UnixDatagram request = server.receive();
 *   server.send(answer, request.senderPath());
 * }
 * }</pre>
 *
 * <p>Binding to a path claims it through {@link SocketFile#claimWithMode}: stale files are
 * reused, live sockets and other files refused, the file gets its mode at creation (default
 * {@code 0600}) and is removed on {@link #close()} and at JVM shutdown. A peer can only answer a
 * socket that is bound (to a path or a Linux abstract name). A bound socket receives every
 * datagram with its sender's credentials ({@code SO_PASSCRED}).
 *
 * <p>Timeouts: {@link #receive()} waits up to the {@link #receiveTimeout(Duration) receive
 * timeout} (default: forever) with {@code poll(2)}; {@link #send} blocks while the receiver is
 * full, up to the {@link #sendTimeout(Duration) send timeout} (default: forever). Either throws
 * {@link SocketTimeoutException} when it expires; nothing is sent or received then. Any thread
 * may call {@link #close()}: a thread blocked in {@code receive} wakes at once, one blocked in
 * {@code send} within {@link #SEND_SLICE}; both get an {@link AsynchronousCloseException}.
 * Several threads may send and receive at once.
 */
public final class UnixDatagramSocket implements AutoCloseable {

  /** The largest datagram {@link #receive()} returns whole by default. */
  public static final int DEFAULT_MAX_DATAGRAM_BYTES = 64 * 1024;

  /** How long one blocking {@code sendto(2)} waits before the socket checks for close. */
  public static final Duration SEND_SLICE = Duration.ofMillis(100);

  private static final Logger LOG = LoggerFactory.getLogger(UnixDatagramSocket.class);

  private final int fd;
  private final PollWaker waker;
  private final ReentrantReadWriteLock descriptorLock = new ReentrantReadWriteLock();
  private volatile boolean closed;
  private volatile Duration receiveTimeout = Duration.ZERO;
  private volatile Duration sendTimeout = Duration.ZERO;
  private volatile int maxDatagramBytes = DEFAULT_MAX_DATAGRAM_BYTES;
  private SocketFile socketFile;
  private String abstractName;
  private boolean bound;

  private UnixDatagramSocket(int fd, PollWaker waker) {
    this.fd = fd;
    this.waker = waker;
  }

  /**
   * Opens an unbound socket. It can send; to be answered, {@link #bind(Path)} it first.
   *
   * @return the socket
   * @throws dev.netkit.jni.NativeLibraryUnavailableException if netkit's native library is not
   *     available (the message says why; see
   *     {@link NativeLibrary#unavailabilityCause()})
   * @throws IOException if the socket cannot be created
   */
  public static UnixDatagramSocket open() throws IOException {
    NativeLibrary.ensureAvailable();
    int fd = UnixDatagramSyscalls.open();
    try {
      UnixDatagramSyscalls.setSendTimeout(fd, (int) SEND_SLICE.toMillis());
      return new UnixDatagramSocket(fd, new PollWaker());
    } catch (IOException | RuntimeException e) {
      SocketDescriptors.close(fd);
      throw e;
    }
  }

  /**
   * Binds to a path with mode {@code 0600}.
   *
   * @param path the socket path
   * @return this socket
   * @throws IOException as {@link #bind(Path, Set)}
   */
  public UnixDatagramSocket bind(Path path) throws IOException {
    return bind(path, FileModes.toPermissions(FileModes.DEFAULT_SOCKET_MODE));
  }

  /**
   * Binds to a path whose socket file gets exactly {@code permissions}, with no moment of wider
   * access (see {@link SocketFile}).
   *
   * @param path the socket path
   * @param permissions the socket file's mode
   * @return this socket
   * @throws PathTooLongException if the path has more than
   *     {@value SocketPaths#MAX_NATIVE_PATH_BYTES} bytes
   * @throws AddressInUseException if a live socket or a file that is not a socket is there
   * @throws PermissionDeniedException if the directory does not let this user create the file
   * @throws NotADirectoryException if a component of the directory is not a directory
   * @throws IOException if the socket is closed, already bound, or binding fails otherwise
   */
  public UnixDatagramSocket bind(Path path, Set<PosixFilePermission> permissions)
      throws IOException {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(permissions, "permissions");
    synchronized (this) {
      requireUnbound();
      int descriptor = acquire();
      try {
        socketFile = SocketFile.claimWithMode(path, permissions,
            SocketPaths.MAX_NATIVE_PATH_BYTES,
            (target, mode) -> bindWithMode(descriptor, target, mode),
            UnixDatagramSocket::isLive);
        bound = true;
        UnixDatagramSyscalls.passCredentials(descriptor, true);
      } finally {
        release();
      }
    }
    return this;
  }

  /**
   * Binds to a Linux abstract name: no file in the file system (so no permissions either; use a
   * {@link PeerAuthorizer}), released when the socket closes.
   *
   * @param name the name without the leading NUL, 1 to
   *     {@value SocketPaths#MAX_NATIVE_PATH_BYTES} bytes
   * @return this socket
   * @throws AddressInUseException if another socket has the name
   * @throws IOException if the socket is closed, already bound, or binding fails otherwise
   */
  public UnixDatagramSocket bindAbstract(String name) throws IOException {
    byte[] bytes = abstractNameBytes(name);
    synchronized (this) {
      requireUnbound();
      int descriptor = acquire();
      try {
        UnixDatagramSyscalls.bindAbstract(descriptor, bytes);
        UnixDatagramSyscalls.passCredentials(descriptor, true);
        bound = true;
        abstractName = name;
      } catch (IOException e) {
        throw SocketErrors.translate("bind", Path.of("@" + name), e);
      } finally {
        release();
      }
    }
    return this;
  }

  /**
   * Connects to the socket at a path: {@link #send(byte[])} goes there, and only its datagrams
   * are received.
   *
   * @param path the peer's socket path
   * @return this socket
   * @throws ConnectException if nothing is bound there ({@code ENOENT}, {@code ECONNREFUSED})
   * @throws PermissionDeniedException if the socket file denies write access
   * @throws IOException if connecting fails otherwise
   */
  public UnixDatagramSocket connect(Path path) throws IOException {
    byte[] address = pathBytes(path);
    int descriptor = acquire();
    try {
      UnixDatagramSyscalls.connect(descriptor, address, false);
    } catch (IOException e) {
      throw SocketErrors.translate("connect", path, e);
    } finally {
      release();
    }
    return this;
  }

  /**
   * Connects to the socket with a Linux abstract name.
   *
   * @param name the peer's abstract name
   * @return this socket
   * @throws ConnectException if no socket has that name
   * @throws IOException if connecting fails otherwise
   */
  public UnixDatagramSocket connectAbstract(String name) throws IOException {
    byte[] address = abstractNameBytes(name);
    int descriptor = acquire();
    try {
      UnixDatagramSyscalls.connect(descriptor, address, true);
    } catch (IOException e) {
      throw SocketErrors.translate("connect", Path.of("@" + name), e);
    } finally {
      release();
    }
    return this;
  }

  /**
   * Sends a datagram to the connected peer.
   *
   * @param data the datagram
   * @throws SocketTimeoutException if the peer's queue stayed full for the send timeout
   * @throws IOException if the socket is not connected or sending fails
   */
  public void send(byte[] data) throws IOException {
    sendTo(data, null, false, "the connected peer");
  }

  /**
   * Sends a datagram to the socket at a path, blocking while its queue is full.
   *
   * @param data the datagram
   * @param path the receiver's socket path
   * @throws SocketTimeoutException if the receiver's queue stayed full for the send timeout
   * @throws ConnectException if nothing is bound there ({@code ENOENT}, {@code ECONNREFUSED})
   * @throws PermissionDeniedException if the socket file denies write access
   * @throws IOException if sending fails otherwise, e.g. a datagram too large ({@code EMSGSIZE})
   */
  public void send(byte[] data, Path path) throws IOException {
    sendTo(data, pathBytes(path), false, path.toString());
  }

  /**
   * Sends a datagram to the socket with a Linux abstract name.
   *
   * @param data the datagram
   * @param name the receiver's abstract name
   * @throws SocketTimeoutException if the receiver's queue stayed full for the send timeout
   * @throws ConnectException if no socket has that name
   * @throws IOException if sending fails otherwise
   */
  public void sendAbstract(byte[] data, String name) throws IOException {
    sendTo(data, abstractNameBytes(name), true, "@" + name);
  }

  /**
   * Answers the sender of a datagram, at its path or abstract name.
   *
   * @param data the answer
   * @param request the datagram being answered
   * @throws IllegalArgumentException if the sender is not bound and so cannot be answered
   * @throws IOException as {@link #send(byte[], Path)}
   */
  public void reply(byte[] data, UnixDatagram request) throws IOException {
    if (request.senderPath() != null) {
      send(data, request.senderPath());
    } else if (request.senderAbstractName() != null) {
      sendAbstract(data, request.senderAbstractName());
    } else {
      throw new IllegalArgumentException("the sender is not bound: it cannot be answered");
    }
  }

  /**
   * Receives the next datagram, waiting up to the receive timeout.
   *
   * @return the datagram and its sender
   * @throws SocketTimeoutException if none arrived in time
   * @throws AsynchronousCloseException if the socket was closed while waiting
   * @throws IOException if receiving fails
   */
  public UnixDatagram receive() throws IOException {
    byte[] buffer = new byte[maxDatagramBytes];
    long timeoutMillis = receiveTimeout.toMillis();
    long deadline = System.nanoTime() + receiveTimeout.toNanos();
    int descriptor = acquire();
    try {
      UnixDatagramSyscalls.Sender[] sender = new UnixDatagramSyscalls.Sender[1];
      while (true) {
        int ready = Poll.poll(descriptor, Poll.IN, waker, remainingMillis(timeoutMillis, deadline));
        if (closed) {
          throw new AsynchronousCloseException();
        }
        if (ready == 0) {
          throw new SocketTimeoutException("receive timed out after " + timeoutMillis + " ms");
        }
        int n = UnixDatagramSyscalls.receive(descriptor, buffer, 0, buffer.length, sender);
        if (n != UnixDatagramSyscalls.NOTHING_QUEUED) {
          return datagram(java.util.Arrays.copyOf(buffer, n), sender[0]);
        }
      }
    } finally {
      release();
    }
  }

  /**
   * Sets how long {@link #receive()} waits; zero waits forever (the default).
   *
   * @param timeout the timeout, not negative
   * @return this socket
   */
  public UnixDatagramSocket receiveTimeout(Duration timeout) {
    this.receiveTimeout = requireTimeout(timeout);
    return this;
  }

  /**
   * Sets how long {@link #send} may block on a full receiver; zero blocks until sent (the
   * default).
   *
   * @param timeout the timeout, not negative
   * @return this socket
   */
  public UnixDatagramSocket sendTimeout(Duration timeout) {
    this.sendTimeout = requireTimeout(timeout);
    return this;
  }

  /**
   * Sets the largest datagram {@link #receive()} returns whole; longer ones are truncated.
   *
   * @param bytes 1 to 16 MiB (default {@value #DEFAULT_MAX_DATAGRAM_BYTES})
   * @return this socket
   */
  public UnixDatagramSocket maxDatagramBytes(int bytes) {
    if (bytes < 1 || bytes > 16 * 1024 * 1024) {
      throw new IllegalArgumentException("maxDatagramBytes : " + bytes + " (expected: 1 to "
          + 16 * 1024 * 1024 + ")");
    }
    this.maxDatagramBytes = bytes;
    return this;
  }

  /**
   * Returns the largest datagram {@link #receive()} returns whole.
   *
   * @return the size in bytes
   */
  public int maxDatagramBytes() {
    return maxDatagramBytes;
  }

  /**
   * Returns the path this socket is bound to.
   *
   * @return the absolute path, or null if not bound to a path
   */
  public synchronized Path localPath() {
    return socketFile == null ? null : socketFile.path();
  }

  /**
   * Returns the Linux abstract name this socket is bound to.
   *
   * @return the name, or null if not bound to one
   */
  public synchronized String localAbstractName() {
    return abstractName;
  }

  /**
   * Tells whether the socket is closed.
   *
   * @return true after {@link #close()}
   */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Closes the socket and removes its socket file. Wakes blocked threads first, then waits for
   * them to leave before the descriptor is released, so the number can never be reused under
   * them. Idempotent.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      waker.wake();
    } catch (IOException e) {
      LOG.debug("could not wake waiting threads: {}", e.toString());
    }
    descriptorLock.writeLock().lock();
    try {
      SocketDescriptors.close(fd);
      waker.close();
    } catch (IOException e) {
      LOG.warn("closing a UNIX datagram socket failed: {}", e.toString());
    } finally {
      descriptorLock.writeLock().unlock();
    }
    synchronized (this) {
      if (socketFile != null) {
        socketFile.close();
      }
    }
  }

  private void sendTo(byte[] data, byte[] address, boolean abstractAddress, String target)
      throws IOException {
    Objects.requireNonNull(data, "data");
    long timeoutMillis = sendTimeout.toMillis();
    long deadline = System.nanoTime() + sendTimeout.toNanos();
    int descriptor = acquire();
    try {
      while (UnixDatagramSyscalls.send(descriptor, data, 0, data.length, address,
          abstractAddress) == UnixDatagramSyscalls.TIMED_OUT) {
        if (closed) {
          throw new AsynchronousCloseException();
        }
        if (timeoutMillis > 0 && System.nanoTime() - deadline >= 0) {
          throw new SocketTimeoutException("send to " + target + " timed out after "
              + timeoutMillis + " ms: its queue stayed full");
        }
      }
    } catch (IOException e) {
      if (e instanceof SocketTimeoutException || e instanceof AsynchronousCloseException) {
        throw e;
      }
      throw SocketErrors.translate("sendto", Path.of(target), e);
    } finally {
      release();
    }
  }

  private static void bindWithMode(int descriptor, Path target, Set<PosixFilePermission> mode)
      throws IOException {
    if (UnixDatagramSyscalls.bind(descriptor, SocketPaths.bytes(target), FileModes.toMode(mode))) {
      LOG.warn("bind {}: unshare(CLONE_FS) is not allowed here, so the process-wide umask was"
          + " set around bind; files created by other threads meanwhile got a stricter mode",
          target);
    }
  }

  /** The {@link SocketFile.LivenessProbe} of datagram sockets: connect(2) is refused if stale. */
  private static boolean isLive(Path path) throws IOException {
    int probe = UnixDatagramSyscalls.open();
    try {
      UnixDatagramSyscalls.connect(probe, SocketPaths.bytes(path), false);
      return true;
    } catch (ConnectException e) {
      return false;
    } finally {
      SocketDescriptors.close(probe);
    }
  }

  private UnixDatagram datagram(byte[] data, UnixDatagramSyscalls.Sender sender) {
    byte[] address = sender.senderAddress();
    Path senderPath = address == null || sender.abstractSender() ? null
        : SocketPaths.pathOf(address);
    String senderName = address != null && sender.abstractSender()
        ? SocketPaths.abstractName(address) : null;
    UnixDatagramSyscalls.Credentials c = sender.credentials();
    PeerCredentials credentials = c == null ? null : new PeerCredentials(c.pid(), c.uid(), c.gid());
    return new UnixDatagram(data, sender.datagramLength(), senderPath, senderName, credentials);
  }

  private int acquire() throws SocketException {
    descriptorLock.readLock().lock();
    if (closed) {
      descriptorLock.readLock().unlock();
      throw new SocketException("Socket closed");
    }
    return fd;
  }

  private void release() {
    descriptorLock.readLock().unlock();
  }

  private void requireUnbound() throws SocketException {
    if (bound) {
      throw new SocketException("Socket already bound");
    }
  }

  private static byte[] pathBytes(Path path) throws PathTooLongException {
    return SocketPaths.bytes(SocketPaths.requireFits(path, SocketPaths.MAX_NATIVE_PATH_BYTES));
  }

  private static byte[] abstractNameBytes(String name) {
    byte[] bytes = SocketPaths.abstractNameBytes(Objects.requireNonNull(name, "name"));
    if (bytes.length < 1 || bytes.length > SocketPaths.MAX_NATIVE_PATH_BYTES) {
      throw new IllegalArgumentException("abstract name : " + bytes.length + " bytes (expected: 1"
          + " to " + SocketPaths.MAX_NATIVE_PATH_BYTES + ")");
    }
    return bytes;
  }

  private static int remainingMillis(long timeoutMillis, long deadline) {
    if (timeoutMillis == 0) {
      return -1;
    }
    long left = (deadline - System.nanoTime()) / 1_000_000L;
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, left));
  }

  private static Duration requireTimeout(Duration timeout) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout : " + timeout + " (expected: >= 0)");
    }
    return timeout;
  }
}
