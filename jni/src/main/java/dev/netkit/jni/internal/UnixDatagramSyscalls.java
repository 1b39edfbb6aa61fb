package dev.netkit.jni.internal;

import dev.netkit.jni.NativeLibrary;
import dev.netkit.jni.NativeSocketException;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.util.Arrays;
import java.util.Objects;

/**
 * UNIX-domain datagram sockets on descriptors ({@code AF_UNIX}, {@code SOCK_DGRAM}), which the
 * JDK does not offer, and the kernel's peer credentials of any {@code AF_UNIX} socket. These are
 * single system calls; the {@code dev.netkit.unix} module builds its datagram socket API on them
 * (timeouts, closing, socket files).
 *
 * <p>Addresses are socket paths as bytes (the caller encodes them, as the JDK does with
 * {@code sun.jnu.encoding}) or, with {@code abstractName} set, Linux abstract names (no file; the
 * leading NUL of {@code sun_path} is added here). Either must fit {@code sun_path} with one byte
 * to spare ({@link #MAX_ADDRESS_BYTES}).
 *
 * <p>Errors become {@link IOException}s that name the system call: {@link ConnectException} for
 * {@code ECONNREFUSED}, {@link BindException} for {@code EADDRINUSE}, {@link NativeSocketException}
 * with the {@code errno} otherwise; the public {@code errno} constants below let callers tell the
 * path errors apart.
 */
public final class UnixDatagramSyscalls {

  private static final int[] CONSTANTS = constants();

  /** The size of {@code sun_path} (108 on Linux), the terminating or leading NUL included. */
  public static final int SUN_PATH_BYTES = CONSTANTS[Natives.UNIX_SUN_PATH_BYTES_INDEX];
  /** The longest path or abstract name: {@link #SUN_PATH_BYTES} minus one. */
  public static final int MAX_ADDRESS_BYTES = SUN_PATH_BYTES - 1;
  /** Permission denied: the file system refused access to the path. */
  public static final int EACCES = CONSTANTS[Natives.UNIX_EACCES_INDEX];
  /** A component of the path is not a directory. */
  public static final int ENOTDIR = CONSTANTS[Natives.UNIX_ENOTDIR_INDEX];
  /** No such file or directory: nothing is bound at the path. */
  public static final int ENOENT = CONSTANTS[Natives.UNIX_ENOENT_INDEX];
  /** The socket at the path is of another type (a stream socket). */
  public static final int EPROTOTYPE = CONSTANTS[Natives.UNIX_EPROTOTYPE_INDEX];
  /** The address does not fit {@code sun_path}. */
  public static final int ENAMETOOLONG = CONSTANTS[Natives.UNIX_ENAMETOOLONG_INDEX];
  /** The datagram is larger than the socket can send at once. */
  public static final int EMSGSIZE = CONSTANTS[Natives.UNIX_EMSGSIZE_INDEX];

  /** {@link #send} result: the receiver's queue stayed full for the whole send timeout. */
  public static final int TIMED_OUT = -1;
  /** {@link #receive} result: no datagram is queued. */
  public static final int NOTHING_QUEUED = -1;

  /**
   * The kernel's credentials of a peer process.
   *
   * @param pid its process id
   * @param uid its effective user id
   * @param gid its effective group id
   */
  public record Credentials(int pid, int uid, int gid) {
  }

  /**
   * Who sent a received datagram, and how long it was.
   *
   * @param datagramLength the datagram's full length; more than the count copied when it was
   *     truncated
   * @param senderAddress the sender's path or abstract name as bytes, or null when the sender is
   *     not bound (it cannot be answered)
   * @param abstractSender whether {@code senderAddress} is an abstract name
   * @param credentials the sender's credentials, or null unless {@link #passCredentials} is on
   */
  public record Sender(int datagramLength, byte[] senderAddress, boolean abstractSender,
      Credentials credentials) {
  }

  private UnixDatagramSyscalls() {
  }

  /**
   * Opens an unbound datagram socket ({@code socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0)}); it
   * blocks in {@link #send} while a receiver's queue is full.
   *
   * @return the descriptor; close it with {@link SocketDescriptors#close(int)}
   * @throws IOException naming {@code socket}, e.g. when out of descriptors
   */
  public static int open() throws IOException {
    return Natives.unixDatagramOpen();
  }

  /**
   * Binds a socket to a path, creating the socket file with exactly {@code mode} and never a
   * wider one: {@code bind(2)} runs on a short-lived thread that has a private umask
   * ({@code unshare(CLONE_FS)}), set to {@code ~mode}. Where a sandbox forbids {@code unshare},
   * the process-wide umask is set around {@code bind} under a lock (files created by other
   * threads in that instant get a stricter mode); the result then says so.
   *
   * @param fd an unbound AF_UNIX socket
   * @param path the path's bytes, without NUL
   * @param mode the socket file's permission bits, {@code 0} to {@code 0777}
   * @return true if the process-wide umask had to be used
   * @throws IOException naming {@code bind}: {@link BindException} for {@code EADDRINUSE} (the
   *     path exists), {@link NativeSocketException} with {@link #EACCES}, {@link #ENOTDIR},
   *     {@link #ENOENT} or {@link #ENAMETOOLONG}
   */
  public static boolean bind(int fd, byte[] path, int mode) throws IOException {
    if (mode < 0 || mode > 0777) {
      throw new IllegalArgumentException("mode : " + Integer.toOctalString(mode)
          + " (expected: 0 to 0777)");
    }
    return Natives.unixBind(fd, checked(path), false, mode) == Natives.UNIX_BIND_SHARED_UMASK;
  }

  /**
   * Binds a socket to a Linux abstract name: no file, gone when the socket closes.
   *
   * @param fd an unbound AF_UNIX socket
   * @param name the name's bytes, without the leading NUL
   * @throws IOException naming {@code bind}: {@link BindException} when the name is taken
   */
  public static void bindAbstract(int fd, byte[] name) throws IOException {
    Natives.unixBind(fd, checked(name), true, -1);
  }

  /**
   * Connects a datagram socket: {@link #send} without an address then goes to that peer, and
   * only its datagrams are received.
   *
   * @param fd the socket
   * @param address the peer's path or abstract name
   * @param abstractName whether {@code address} is an abstract name
   * @throws IOException naming {@code connect}: {@link ConnectException} when nothing is bound
   *     there ({@code ECONNREFUSED}), {@link NativeSocketException} with {@link #ENOENT},
   *     {@link #EACCES}, {@link #ENOTDIR} or {@link #EPROTOTYPE}
   */
  public static void connect(int fd, byte[] address, boolean abstractName) throws IOException {
    Natives.unixConnect(fd, checked(address), abstractName);
  }

  /**
   * Sends one datagram ({@code sendto(2)} with {@code MSG_NOSIGNAL}). While the receiver's queue
   * is full it blocks, up to the {@link #setSendTimeout send timeout}.
   *
   * @param fd the socket
   * @param data the datagram
   * @param offset where it starts in {@code data}
   * @param length its length
   * @param address the receiver's path or abstract name, or null for the connected peer
   * @param abstractName whether {@code address} is an abstract name
   * @return {@code length}, or {@link #TIMED_OUT}
   * @throws IOException naming {@code sendto}: {@link ConnectException} when nothing is bound at
   *     the address any more, {@link NativeSocketException} with {@link #ENOENT},
   *     {@link #EACCES}, {@link #EMSGSIZE} and others
   */
  public static int send(int fd, byte[] data, int offset, int length, byte[] address,
      boolean abstractName) throws IOException {
    Objects.checkFromIndexSize(offset, length, data.length);
    int result = Natives.unixSendTo(fd, data, offset, length,
        address == null ? null : checked(address), abstractName);
    if (Errors.wouldBlock(result)) {
      return TIMED_OUT;
    }
    return Errors.check(result, "sendto");
  }

  /**
   * Receives one datagram if one is queued, without blocking ({@code recvmsg(2)} with
   * {@code MSG_DONTWAIT}); wait with {@link Poll} first.
   *
   * @param fd the socket
   * @param data where the datagram goes; a longer datagram is truncated (see
   *     {@link Sender#datagramLength()})
   * @param offset where in {@code data}
   * @param length the room in {@code data}
   * @param sender receives who sent it: one element is set
   * @return the count copied, or {@link #NOTHING_QUEUED}
   * @throws IOException naming {@code recvmsg}
   */
  public static int receive(int fd, byte[] data, int offset, int length, Sender[] sender)
      throws IOException {
    Objects.checkFromIndexSize(offset, length, data.length);
    byte[] address = new byte[SUN_PATH_BYTES];
    int[] info = new int[Natives.UNIX_INFO_COUNT];
    int result = Natives.unixReceive(fd, data, offset, length, address, info);
    if (Errors.wouldBlock(result)) {
      return NOTHING_QUEUED;
    }
    Errors.check(result, "recvmsg");
    int flags = info[Natives.UNIX_INFO_FLAGS];
    int pathLength = info[Natives.UNIX_INFO_PATH_LENGTH];
    Credentials credentials = (flags & Natives.UNIX_CREDENTIALS) == 0 ? null
        : new Credentials(info[Natives.UNIX_INFO_PID], info[Natives.UNIX_INFO_UID],
            info[Natives.UNIX_INFO_GID]);
    sender[0] = new Sender(info[Natives.UNIX_INFO_LENGTH],
        pathLength < 0 ? null : Arrays.copyOf(address, pathLength),
        (flags & Natives.UNIX_ABSTRACT) != 0, credentials);
    return result;
  }

  /**
   * Sets how long one {@link #send} may block on a full receiver ({@code SO_SNDTIMEO}).
   *
   * @param fd the socket
   * @param millis the timeout, 0 for none (block until sent)
   * @throws IOException naming {@code setsockopt}
   */
  public static void setSendTimeout(int fd, int millis) throws IOException {
    if (millis < 0) {
      throw new IllegalArgumentException("millis : " + millis + " (expected: >= 0)");
    }
    Natives.unixSetSendTimeout(fd, millis);
  }

  /**
   * Turns on {@code SO_PASSCRED}: every datagram received then carries its sender's credentials.
   * Linux gives an unbound socket with this option an abstract address of its own when it sends,
   * so turn it on for bound receivers.
   *
   * @param fd the socket
   * @param on whether to receive credentials
   * @throws IOException naming {@code setsockopt}
   */
  public static void passCredentials(int fd, boolean on) throws IOException {
    Natives.unixPassCredentials(fd, on);
  }

  /**
   * Reads {@code SO_PEERCRED}: the credentials of the process at the other end of a connected
   * AF_UNIX stream socket (or a socket pair), as they were when it connected.
   *
   * @param fd the socket, e.g. from {@link SocketDescriptors#of(java.nio.channels.SocketChannel)}
   * @return the credentials; for a socket without a peer Linux reports pid 0 and uid/gid -1
   * @throws IOException naming {@code getsockopt}
   */
  public static Credentials peerCredentials(int fd) throws IOException {
    int[] values = new int[3];
    Natives.unixPeerCredentials(fd, values);
    return new Credentials(values[0], values[1], values[2]);
  }

  /**
   * Shuts the socket down both ways ({@code shutdown(SHUT_RDWR)}), which wakes threads waiting to
   * receive on it.
   *
   * @param fd the socket
   * @throws IOException naming {@code shutdown}
   */
  public static void shutdown(int fd) throws IOException {
    Natives.unixShutdown(fd);
  }

  private static byte[] checked(byte[] address) {
    NativeLibrary.ensureAvailable(); // before the limit, which is 0 without the library
    if (address.length == 0 || address.length > MAX_ADDRESS_BYTES) {
      throw new IllegalArgumentException("address length : " + address.length
          + " bytes (expected: 1 to " + MAX_ADDRESS_BYTES + ")");
    }
    return address;
  }

  /** The platform's values; all 0 without the library (every call then fails naming why). */
  private static int[] constants() {
    return NativeLibrary.isAvailable() ? Natives.unixConstants() : new int[Natives.UNIX_COUNT];
  }
}
