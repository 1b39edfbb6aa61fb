package dev.netkit.jni.internal;

import dev.netkit.jni.BadDescriptorSocketException;
import dev.netkit.jni.BrokenPipeSocketException;
import dev.netkit.jni.NotConnectedSocketException;
import java.io.IOException;

/**
 * TCP urgent data on a socket descriptor: {@code send}/{@code recv} with {@code MSG_OOB},
 * {@code sockatmark} and the {@code SO_OOBINLINE} option. These are single system calls; the
 * {@code dev.netkit.urgent} module builds the API for {@code Socket} and {@code SocketChannel} on
 * them. Descriptors come from {@link SocketDescriptors}.
 *
 * <p>Errors become {@link java.io.IOException}s that name the system call, such as
 * {@link BadDescriptorSocketException} for a closed descriptor or
 * {@link NotConnectedSocketException} for a listening socket.
 */
public final class UrgentSyscalls {

  /** {@link #receiveUrgent(int)}: urgent data was announced but has not arrived yet. */
  public static final int NOT_ARRIVED_YET = -1;
  /**
   * {@link #receiveUrgent(int)}: no urgent byte can be read out of band: none is pending, it was
   * read already, or {@code SO_OOBINLINE} is on ({@code EINVAL}).
   */
  public static final int NONE_PENDING = -2;
  /** {@link #receiveUrgent(int)}: the peer closed the connection before the byte came. */
  public static final int END_OF_STREAM = -3;

  private UrgentSyscalls() {
  }

  /**
   * Sends one byte of urgent data: {@code send(fd, &data, 1, MSG_OOB)}. It does not take part in
   * any lock the JDK holds for writes, so it can go out while another thread is in a long write.
   *
   * @param fd a connected TCP socket
   * @param data the urgent byte
   * @return true when sent; false when the descriptor is non-blocking and its send buffer is full
   *     (poll for {@link Poll#OUT} and try again)
   * @throws IOException naming {@code send(MSG_OOB)}: {@link BrokenPipeSocketException} after the
   *     connection closed, {@link NotConnectedSocketException} on an unconnected socket
   */
  public static boolean sendUrgent(int fd, byte data) throws IOException {
    int result = Natives.sendUrgent(fd, data);
    if (Errors.wouldBlock(result)) {
      return false;
    }
    Errors.check(result, "send(MSG_OOB)");
    return true;
  }

  /**
   * Reads the urgent byte out of band without blocking: {@code recv(fd, .., 1, MSG_OOB)}.
   *
   * @param fd a connected TCP socket
   * @return the byte as 0 to 255, or {@link #NOT_ARRIVED_YET}, {@link #NONE_PENDING} or
   *     {@link #END_OF_STREAM}
   * @throws IOException naming {@code recv(MSG_OOB)} for any other error
   */
  public static int receiveUrgent(int fd) throws IOException {
    byte[] one = new byte[1];
    int result = Natives.receiveUrgent(fd, one);
    if (result == 1) {
      return one[0] & 0xff;
    }
    if (result == 0) {
      return END_OF_STREAM;
    }
    if (Errors.wouldBlock(result)) {
      return NOT_ARRIVED_YET;
    }
    if (result == -Errors.EINVAL) {
      return NONE_PENDING;
    }
    Errors.check(result, "recv(MSG_OOB)");
    throw new AssertionError("recv(MSG_OOB) returned " + result);
  }

  /**
   * Tells whether the next normal read starts at the urgent mark: {@code sockatmark(fd)}. Reads
   * stop at the mark, so reading until this is true discards exactly the data sent before the
   * urgent byte.
   *
   * @param fd a TCP socket
   * @return true at the mark
   * @throws IOException naming {@code sockatmark}
   */
  public static boolean atMark(int fd) throws IOException {
    return Natives.atMark(fd);
  }

  /**
   * Tells whether urgent data stays in the normal stream ({@code SO_OOBINLINE}).
   *
   * @param fd a socket
   * @return the option's value
   * @throws IOException naming {@code getsockopt(SO_OOBINLINE)}
   */
  public static boolean isOobInline(int fd) throws IOException {
    return Natives.oobInline(fd);
  }

  /**
   * Sets {@code SO_OOBINLINE}: when on, urgent bytes stay in the normal stream and
   * {@link #receiveUrgent(int)} reports {@link #NONE_PENDING}.
   *
   * @param fd a socket
   * @param on the new value
   * @throws IOException naming {@code setsockopt(SO_OOBINLINE)}
   */
  public static void setOobInline(int fd, boolean on) throws IOException {
    Natives.oobInline(fd, on);
  }
}
