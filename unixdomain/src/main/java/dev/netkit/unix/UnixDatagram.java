package dev.netkit.unix;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * One received UNIX-domain datagram and who sent it.
 *
 * @param data the bytes received; at most the receiver's
 *     {@link UnixDatagramSocket#maxDatagramBytes() maximum}
 * @param length the datagram's full length, more than {@code data.length} when it was truncated
 * @param senderPath the sender's socket path, or null when the sender is not bound to a path (it
 *     cannot be answered, unless it has an abstract name)
 * @param senderAbstractName the sender's Linux abstract name, or null
 * @param sender the sender's credentials as the kernel recorded them, or null when the receiving
 *     socket is not bound (only bound sockets ask for them)
 */
public record UnixDatagram(byte[] data, int length, Path senderPath, String senderAbstractName,
    PeerCredentials sender) {

  /**
   * Tells whether the datagram was longer than the receiver's buffer; the rest is lost.
   *
   * @return true if {@code length > data.length}
   */
  public boolean isTruncated() {
    return length > data.length;
  }

  /**
   * Decodes the data as UTF-8 (invalid bytes become U+FFFD).
   *
   * @return the text
   */
  public String text() {
    return new String(data, StandardCharsets.UTF_8);
  }

  /**
   * Tells whether the sender can be answered: it has a path or an abstract name.
   *
   * @return true if a reply can be addressed
   */
  public boolean hasSenderAddress() {
    return senderPath != null || senderAbstractName != null;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof UnixDatagram that && Arrays.equals(data, that.data)
        && length == that.length && Objects.equals(senderPath, that.senderPath)
        && Objects.equals(senderAbstractName, that.senderAbstractName)
        && Objects.equals(sender, that.sender);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(data), length, senderPath, senderAbstractName,
        sender);
  }

  @Override
  public String toString() {
    return "UnixDatagram[" + data.length + " of " + length + " bytes from "
        + (senderPath != null ? senderPath
            : senderAbstractName != null ? "@" + senderAbstractName : "an unbound socket")
        + (sender == null ? "" : ", " + sender) + "]";
  }
}
