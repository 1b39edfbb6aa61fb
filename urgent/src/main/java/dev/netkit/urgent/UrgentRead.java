package dev.netkit.urgent;

import java.util.Objects;

/**
 * The outcome of {@link UrgentSocket#readUrgent()}: the urgent byte, or why there is none. The
 * three ways of having no byte are distinct because a program answers them differently (chapter
 * 17 of the book):
 * <ul>
 *   <li>{@link Status#NOTHING_PENDING}: no urgent data is pending, or it was read already;</li>
 *   <li>{@link Status#NOT_ARRIVED_YET}: the peer's urgent pointer arrived before the byte itself
 *       (the book's caveat 3, {@code EWOULDBLOCK}); read normal data to make room, then try
 *       again;</li>
 *   <li>{@link Status#INLINE}: {@code SO_OOBINLINE} is on, so urgent bytes stay in the normal
 *       stream ({@code EINVAL}); read them there, {@link UrgentSocket#atMark()} says where.</li>
 * </ul>
 */
public final class UrgentRead {

  /** Why a read gave a byte or not. */
  public enum Status {
    /** The urgent byte was read out of band: see {@link UrgentRead#data()}. */
    RECEIVED,
    /** No urgent byte is pending (none was sent, it was read already, or the stream ended). */
    NOTHING_PENDING,
    /** Urgent data was announced but the byte has not arrived yet ({@code EWOULDBLOCK}). */
    NOT_ARRIVED_YET,
    /** The socket keeps urgent data inline ({@code SO_OOBINLINE}): read it as normal data. */
    INLINE
  }

  /** The outcome {@link Status#NOTHING_PENDING}. */
  public static final UrgentRead NOTHING_PENDING = new UrgentRead(Status.NOTHING_PENDING, 0);
  /** The outcome {@link Status#NOT_ARRIVED_YET}. */
  public static final UrgentRead NOT_ARRIVED_YET = new UrgentRead(Status.NOT_ARRIVED_YET, 0);
  /** The outcome {@link Status#INLINE}. */
  public static final UrgentRead INLINE = new UrgentRead(Status.INLINE, 0);

  private final Status status;
  private final byte data;

  private UrgentRead(Status status, int data) {
    this.status = status;
    this.data = (byte) data;
  }

  /**
   * The outcome of a successful read.
   *
   * @param data the urgent byte
   * @return a {@link Status#RECEIVED} outcome
   */
  public static UrgentRead received(byte data) {
    return new UrgentRead(Status.RECEIVED, data);
  }

  /**
   * Returns why the read gave a byte or not.
   *
   * @return the status
   */
  public Status status() {
    return status;
  }

  /**
   * Tells whether a byte was read.
   *
   * @return true for {@link Status#RECEIVED}
   */
  public boolean isReceived() {
    return status == Status.RECEIVED;
  }

  /**
   * Returns the urgent byte.
   *
   * @return the byte read out of band
   * @throws IllegalStateException unless the status is {@link Status#RECEIVED}
   */
  public byte data() {
    if (status != Status.RECEIVED) {
      throw new IllegalStateException("no urgent byte: " + status);
    }
    return data;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof UrgentRead && ((UrgentRead) other).status == status
        && ((UrgentRead) other).data == data;
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, data);
  }

  @Override
  public String toString() {
    return status == Status.RECEIVED
        ? "RECEIVED(0x" + Integer.toHexString(data & 0xff) + ")"
        : status.name();
  }
}
