package dev.netkit.jni.internal;

import dev.netkit.jni.NativeLibrary;
import java.io.IOException;

/**
 * The JNI entry points of {@code libnetkit.so}, one section per C file of
 * {@code src/main/c} (except the loader's probe in {@code library.c}, which is
 * {@code dev.netkit.jni.AbiProbe}). Every native is {@code private static native name0(...)}: it makes one system
 * call (retrying {@code EINTR}) and returns a count or {@code -errno}; the package-private wrapper
 * next to it turns a negative result into an {@link IOException} naming the system call. Every
 * wrapper first calls {@link NativeLibrary#ensureAvailable()}, so that without the library a call
 * fails with {@link dev.netkit.jni.NativeLibraryUnavailableException} naming the reason (never
 * an {@link UnsatisfiedLinkError} or an {@link ExceptionInInitializerError}). The public classes
 * of this package check arguments and call the wrappers.
 *
 * <p>The {@code static final int} constants here reach C as {@code #define}s through the header
 * that {@code javac -h} writes ({@code dev_netkit_jni_internal_Natives.h}). Constants of the
 * operating system ({@code POLLPRI}, {@code EAGAIN}, signal numbers) travel the other way: C fills
 * an array whose indices are the {@code *_INDEX} constants below, so Java never hard-codes them.
 *
 * <p>To add natives for a new concern: add a C file {@code src/main/c/<concern>.c} (everything
 * {@code static} except its {@code Java_dev_netkit_jni_internal_Natives_*} entry points), add a
 * section here with its natives and wrappers, and a public class for its API.
 */
final class Natives {

  private Natives() {
  }

  // ---- errors (errors.c) -----------------------------------------------------------------------

  static final int ERRNO_EAGAIN_INDEX = 0;
  static final int ERRNO_EWOULDBLOCK_INDEX = 1;
  static final int ERRNO_EINVAL_INDEX = 2;
  static final int ERRNO_EBADF_INDEX = 3;
  static final int ERRNO_ENOTSOCK_INDEX = 4;
  static final int ERRNO_EPIPE_INDEX = 5;
  static final int ERRNO_ECONNRESET_INDEX = 6;
  static final int ERRNO_ENOTCONN_INDEX = 7;
  static final int ERRNO_ECONNREFUSED_INDEX = 8;
  static final int ERRNO_EADDRINUSE_INDEX = 9;
  static final int ERRNO_EADDRNOTAVAIL_INDEX = 10;
  static final int ERRNO_EOPNOTSUPP_INDEX = 11;
  static final int ERRNO_COUNT = 12;

  private static native int[] errnoConstants0();

  private static native String errorMessage0(int errno);

  static int[] errnoConstants() {
    NativeLibrary.ensureAvailable();
    return errnoConstants0();
  }

  /** {@code strerror} text and symbolic name, e.g. {@code Bad file descriptor (EBADF)}. */
  static String errorMessage(int errno) {
    NativeLibrary.ensureAvailable();
    return errorMessage0(errno);
  }

  // ---- descriptors (descriptor.c) --------------------------------------------------------------

  /** Lookup result: the object is not one of the JDK's own socket classes. */
  static final int DESCRIPTOR_FOREIGN = -1;
  /** Lookup result: the JDK object has no descriptor (closed, or not yet bound or connected). */
  static final int DESCRIPTOR_NONE = -2;
  /** Lookup result: this JDK lacks the private fields the lookup reads. */
  static final int DESCRIPTOR_UNSUPPORTED_JDK = -3;

  private static native int descriptorOf0(Object socketOrChannel);

  private static native int duplicate0(int fd);

  private static native int close0(int fd);

  /** The descriptor of a JDK socket or channel, or one of the {@code DESCRIPTOR_*} codes. */
  static int descriptorOf(Object socketOrChannel) {
    NativeLibrary.ensureAvailable();
    return descriptorOf0(socketOrChannel);
  }

  static int duplicate(int fd) throws IOException {
    NativeLibrary.ensureAvailable();
    return Errors.check(duplicate0(fd), "fcntl(F_DUPFD_CLOEXEC)");
  }

  static void close(int fd) throws IOException {
    NativeLibrary.ensureAvailable();
    Errors.check(close0(fd), "close");
  }

  // ---- urgent data (urgent.c) ------------------------------------------------------------------

  private static native int sendUrgent0(int fd, byte data);

  private static native int receiveUrgent0(int fd, byte[] one);

  private static native int atMark0(int fd);

  private static native int getOobInline0(int fd);

  private static native int setOobInline0(int fd, boolean on);

  /** {@code send(fd, &data, 1, MSG_OOB)}: 1, or {@code -errno} (EAGAIN is the caller's). */
  static int sendUrgent(int fd, byte data) {
    NativeLibrary.ensureAvailable();
    return sendUrgent0(fd, data);
  }

  /** {@code recv(fd, one, 1, MSG_OOB | MSG_DONTWAIT)}: 0 or 1, or {@code -errno}. */
  static int receiveUrgent(int fd, byte[] one) {
    NativeLibrary.ensureAvailable();
    return receiveUrgent0(fd, one);
  }

  static boolean atMark(int fd) throws IOException {
    NativeLibrary.ensureAvailable();
    return Errors.check(atMark0(fd), "sockatmark") != 0;
  }

  static boolean oobInline(int fd) throws IOException {
    NativeLibrary.ensureAvailable();
    return Errors.check(getOobInline0(fd), "getsockopt(SO_OOBINLINE)") != 0;
  }

  static void oobInline(int fd, boolean on) throws IOException {
    NativeLibrary.ensureAvailable();
    Errors.check(setOobInline0(fd, on), "setsockopt(SO_OOBINLINE)");
  }

  // ---- poll (poll.c) ---------------------------------------------------------------------------

  static final int POLLIN_INDEX = 0;
  static final int POLLPRI_INDEX = 1;
  static final int POLLOUT_INDEX = 2;
  static final int POLLERR_INDEX = 3;
  static final int POLLHUP_INDEX = 4;
  static final int POLLNVAL_INDEX = 5;
  static final int POLLRDHUP_INDEX = 6;
  static final int POLL_COUNT = 7;
  /** Set in a {@code poll0} result when the wake-up descriptor was signalled. */
  static final int POLL_WOKEN = 1 << 16;

  private static native int[] pollConstants0();

  private static native int poll0(int fd, int events, int wakeFd, int timeoutMillis);

  private static native int eventOpen0();

  private static native int eventSignal0(int fd);

  private static native int eventDrain0(int fd);

  static int[] pollConstants() {
    NativeLibrary.ensureAvailable();
    return pollConstants0();
  }

  /** The {@code revents} of {@code fd}, plus {@link #POLL_WOKEN}; 0 on timeout. */
  static int poll(int fd, int events, int wakeFd, int timeoutMillis) throws IOException {
    NativeLibrary.ensureAvailable();
    return Errors.check(poll0(fd, events, wakeFd, timeoutMillis), "poll");
  }

  static int eventOpen() throws IOException {
    NativeLibrary.ensureAvailable();
    return Errors.check(eventOpen0(), "eventfd");
  }

  static void eventSignal(int fd) throws IOException {
    NativeLibrary.ensureAvailable();
    Errors.check(eventSignal0(fd), "write(eventfd)");
  }

  static void eventDrain(int fd) throws IOException {
    NativeLibrary.ensureAvailable();
    Errors.check(eventDrain0(fd), "read(eventfd)");
  }

  // ---- signals (signals.c) ---------------------------------------------------------------------

  static final int SIGINT_INDEX = 0;
  static final int SIGQUIT_INDEX = 1;
  static final int SIGWINCH_INDEX = 2;
  static final int SIGNAL_COUNT = 3;

  private static native int[] signalConstants0();

  private static native int trapSignal0(int signo);

  private static native int releaseSignal0(int signo);

  private static native int awaitSignal0(int readFd);

  private static native int wakeSignalAwaiter0();

  static int[] signalConstants() {
    NativeLibrary.ensureAvailable();
    return signalConstants0();
  }

  /** Installs the pipe-writing handler for {@code signo}; returns the pipe's read end. */
  static int trapSignal(int signo) throws IOException {
    NativeLibrary.ensureAvailable();
    return Errors.check(trapSignal0(signo), "sigaction");
  }

  static void releaseSignal(int signo) throws IOException {
    NativeLibrary.ensureAvailable();
    Errors.check(releaseSignal0(signo), "sigaction");
  }

  /** The next signal number from the pipe; 0 when {@link #wakeSignalAwaiter()} was called. */
  static int awaitSignal(int readFd) throws IOException {
    NativeLibrary.ensureAvailable();
    return Errors.check(awaitSignal0(readFd), "read(signal pipe)");
  }

  static void wakeSignalAwaiter() throws IOException {
    NativeLibrary.ensureAvailable();
    Errors.check(wakeSignalAwaiter0(), "write(signal pipe)");
  }

  // ---- UNIX-domain datagrams and credentials (unix_datagram.c) ---------------------------------

  static final int UNIX_SUN_PATH_BYTES_INDEX = 0;
  static final int UNIX_EACCES_INDEX = 1;
  static final int UNIX_ENOTDIR_INDEX = 2;
  static final int UNIX_ENOENT_INDEX = 3;
  static final int UNIX_EPROTOTYPE_INDEX = 4;
  static final int UNIX_ENAMETOOLONG_INDEX = 5;
  static final int UNIX_EMSGSIZE_INDEX = 6;
  static final int UNIX_COUNT = 7;

  /** {@code unixBind0} result: bound, but the process-wide umask had to be used. */
  static final int UNIX_BIND_SHARED_UMASK = 1;

  /** Indices of the {@code info} array that {@code unixReceive0} fills. */
  static final int UNIX_INFO_LENGTH = 0;
  static final int UNIX_INFO_PATH_LENGTH = 1;
  static final int UNIX_INFO_FLAGS = 2;
  static final int UNIX_INFO_PID = 3;
  static final int UNIX_INFO_UID = 4;
  static final int UNIX_INFO_GID = 5;
  static final int UNIX_INFO_COUNT = 6;
  /** {@code UNIX_INFO_FLAGS} bit: the sender's address is an abstract name. */
  static final int UNIX_ABSTRACT = 1;
  /** {@code UNIX_INFO_FLAGS} bit: the datagram carried the sender's credentials. */
  static final int UNIX_CREDENTIALS = 2;

  private static native int[] unixConstants0();

  private static native int unixDatagramOpen0();

  private static native int unixBind0(int fd, byte[] path, boolean abstractName, int mode);

  private static native int unixConnect0(int fd, byte[] path, boolean abstractName);

  private static native int unixSendTo0(int fd, byte[] data, int offset, int length, byte[] path,
      boolean abstractName);

  private static native int unixReceive0(int fd, byte[] data, int offset, int length,
      byte[] senderPath, int[] info);

  private static native int unixSetSendTimeout0(int fd, int millis);

  private static native int unixPassCredentials0(int fd, boolean on);

  private static native int unixPeerCredentials0(int fd, int[] pidUidGid);

  private static native int unixShutdown0(int fd);

  static int[] unixConstants() {
    NativeLibrary.ensureAvailable();
    return unixConstants0();
  }

  static int unixDatagramOpen() throws IOException {
    NativeLibrary.ensureAvailable();
    return Errors.check(unixDatagramOpen0(), "socket(AF_UNIX, SOCK_DGRAM)");
  }

  /** {@code mode < 0}: bind without a file mode (abstract names); returns 0 or the flag. */
  static int unixBind(int fd, byte[] path, boolean abstractName, int mode) throws IOException {
    NativeLibrary.ensureAvailable();
    return Errors.check(unixBind0(fd, path, abstractName, mode), "bind");
  }

  static void unixConnect(int fd, byte[] path, boolean abstractName) throws IOException {
    NativeLibrary.ensureAvailable();
    Errors.check(unixConnect0(fd, path, abstractName), "connect");
  }

  /** The count sent, or {@code -errno} ({@code EAGAIN} after the send timeout is the caller's). */
  static int unixSendTo(int fd, byte[] data, int offset, int length, byte[] path,
      boolean abstractName) {
    NativeLibrary.ensureAvailable();
    return unixSendTo0(fd, data, offset, length, path, abstractName);
  }

  /** The count copied, or {@code -errno} ({@code EAGAIN}: nothing queued, the caller's). */
  static int unixReceive(int fd, byte[] data, int offset, int length, byte[] senderPath,
      int[] info) {
    NativeLibrary.ensureAvailable();
    return unixReceive0(fd, data, offset, length, senderPath, info);
  }

  static void unixSetSendTimeout(int fd, int millis) throws IOException {
    NativeLibrary.ensureAvailable();
    Errors.check(unixSetSendTimeout0(fd, millis), "setsockopt(SO_SNDTIMEO)");
  }

  static void unixPassCredentials(int fd, boolean on) throws IOException {
    NativeLibrary.ensureAvailable();
    Errors.check(unixPassCredentials0(fd, on), "setsockopt(SO_PASSCRED)");
  }

  static void unixPeerCredentials(int fd, int[] pidUidGid) throws IOException {
    NativeLibrary.ensureAvailable();
    Errors.check(unixPeerCredentials0(fd, pidUidGid), "getsockopt(SO_PEERCRED)");
  }

  static void unixShutdown(int fd) throws IOException {
    NativeLibrary.ensureAvailable();
    Errors.check(unixShutdown0(fd), "shutdown");
  }

  // ---- next concern: add its section here ------------------------------------------------------
}
