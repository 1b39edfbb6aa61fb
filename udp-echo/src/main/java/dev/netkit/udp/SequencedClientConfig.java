package dev.netkit.udp;

import static dev.netkit.codec.Arguments.checkInRange;
import static dev.netkit.codec.Arguments.checkPositive;

import dev.netkit.codec.DatagramSize;
import dev.netkit.codec.SequenceFrame;
import java.util.Objects;

/**
 * How a {@link SequencedClient} behaves: its window, tries, timer bounds and limits. Immutable;
 * start from {@link #defaults()} or {@link #builder()}.
 *
 * <pre>
 *   SequencedClientConfig config = SequencedClientConfig.builder()
 *       .window(8).maxTries(3).rto(RtoConfig.builder().initial(Duration.ofMillis(50)).build())
 *       .build();
 * </pre>
 */
public final class SequencedClientConfig {

  /** The default window: 64 requests in flight. */
  public static final int DEFAULT_WINDOW = 64;

  /** The default number of sends before a request is given up: 5, the book's. */
  public static final int DEFAULT_MAX_TRIES = EchoClientConfig.DEFAULT_TRIES;

  /** The default sequence space: numbers 0 to {@code Long.MAX_VALUE - 1}. */
  public static final long DEFAULT_SEQUENCE_SPACE = Long.MAX_VALUE;

  /** The default queue limit: 65536 requests. */
  public static final int DEFAULT_MAX_QUEUED = 65_536;

  /** The default number of samples kept for percentiles: 10000. */
  public static final int DEFAULT_RTT_SAMPLE_CAPACITY = 10_000;

  /** The smallest datagram limit: the longest sequence number, colon and space. */
  public static final int MIN_DATAGRAM = SequenceFrame.MAX_DIGITS + 2;

  private final int window;
  private final int maxTries;
  private final RtoConfig rto;
  private final int maxDatagram;
  private final long sequenceSpace;
  private final long firstSequence;
  private final int maxQueued;
  private final int rttSampleCapacity;

  private SequencedClientConfig(Builder builder) {
    this.window = builder.window;
    this.maxTries = builder.maxTries;
    this.rto = builder.rto;
    this.maxDatagram = builder.maxDatagram;
    this.sequenceSpace = builder.sequenceSpace;
    this.firstSequence = builder.firstSequence;
    this.maxQueued = builder.maxQueued;
    this.rttSampleCapacity = builder.rttSampleCapacity;
  }

  /**
   * Returns the defaults: window 64, 5 tries, {@link RtoConfig#defaults()}, 5000-byte
   * datagrams, sequence numbers from 0 up to {@code Long.MAX_VALUE - 1}.
   *
   * @return the default configuration
   */
  public static SequencedClientConfig defaults() {
    return builder().build();
  }

  /**
   * Starts a builder with every default.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a builder with this configuration's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return builder().window(window).maxTries(maxTries).rto(rto).maxDatagram(maxDatagram)
        .sequenceSpace(sequenceSpace).firstSequence(firstSequence).maxQueued(maxQueued)
        .rttSampleCapacity(rttSampleCapacity);
  }

  /**
   * Returns the most requests in flight at once.
   *
   * @return default {@value #DEFAULT_WINDOW}
   */
  public int window() {
    return window;
  }

  /**
   * Returns how many times a request is sent before it is given up.
   *
   * @return default {@value #DEFAULT_MAX_TRIES}
   */
  public int maxTries() {
    return maxTries;
  }

  /**
   * Returns the bounds of the retransmission timeout.
   *
   * @return default {@link RtoConfig#defaults()}
   */
  public RtoConfig rto() {
    return rto;
  }

  /**
   * Returns the largest request or reply.
   *
   * @return bytes, default {@value ReverseEchoServerConfig#DEFAULT_MAX_DATAGRAM}
   */
  public int maxDatagram() {
    return maxDatagram;
  }

  /**
   * Returns how many sequence numbers there are (0 to {@code sequenceSpace - 1}).
   *
   * @return default {@link #DEFAULT_SEQUENCE_SPACE}
   */
  public long sequenceSpace() {
    return sequenceSpace;
  }

  /**
   * Returns the first sequence number handed out.
   *
   * @return default 0, the book's
   */
  public long firstSequence() {
    return firstSequence;
  }

  /**
   * Returns the most requests waiting for room in the window.
   *
   * @return default {@value #DEFAULT_MAX_QUEUED}
   */
  public int maxQueued() {
    return maxQueued;
  }

  /**
   * Returns how many of the latest round-trip samples the percentiles cover.
   *
   * @return default {@value #DEFAULT_RTT_SAMPLE_CAPACITY}
   */
  public int rttSampleCapacity() {
    return rttSampleCapacity;
  }

  /** Collects the values of a {@link SequencedClientConfig}; {@link #build()} checks them. */
  public static final class Builder {
    private int window = DEFAULT_WINDOW;
    private int maxTries = DEFAULT_MAX_TRIES;
    private RtoConfig rto = RtoConfig.defaults();
    private int maxDatagram = ReverseEchoServerConfig.DEFAULT_MAX_DATAGRAM;
    private long sequenceSpace = DEFAULT_SEQUENCE_SPACE;
    private long firstSequence;
    private int maxQueued = DEFAULT_MAX_QUEUED;
    private int rttSampleCapacity = DEFAULT_RTT_SAMPLE_CAPACITY;

    private Builder() {
    }

    /**
     * Sets the most requests in flight at once.
     *
     * @param requests at least 1, at most half the sequence space
     * @return this builder
     */
    public Builder window(int requests) {
      this.window = requests;
      return this;
    }

    /**
     * Sets how many times a request is sent before it is given up.
     *
     * @param tries at least 1
     * @return this builder
     */
    public Builder maxTries(int tries) {
      this.maxTries = tries;
      return this;
    }

    /**
     * Sets the bounds of the retransmission timeout.
     *
     * @param bounds the initial, minimum and maximum RTO
     * @return this builder
     */
    public Builder rto(RtoConfig bounds) {
      this.rto = bounds;
      return this;
    }

    /**
     * Sets the largest request or reply.
     *
     * @param bytes {@value SequencedClientConfig#MIN_DATAGRAM} to
     *     {@value dev.netkit.codec.DatagramSize#MAX_UDP_PAYLOAD}
     * @return this builder
     */
    public Builder maxDatagram(int bytes) {
      this.maxDatagram = bytes;
      return this;
    }

    /**
     * Sets how many sequence numbers there are (small spaces show wrap-around).
     *
     * @param numbers at least twice the window
     * @return this builder
     */
    public Builder sequenceSpace(long numbers) {
      this.sequenceSpace = numbers;
      return this;
    }

    /**
     * Sets the first sequence number handed out.
     *
     * @param sequence 0 to {@code sequenceSpace - 1}
     * @return this builder
     */
    public Builder firstSequence(long sequence) {
      this.firstSequence = sequence;
      return this;
    }

    /**
     * Sets the most requests waiting for room in the window.
     *
     * @param requests at least 1
     * @return this builder
     */
    public Builder maxQueued(int requests) {
      this.maxQueued = requests;
      return this;
    }

    /**
     * Sets how many of the latest round-trip samples the percentiles cover.
     *
     * @param samples at least 1
     * @return this builder
     */
    public Builder rttSampleCapacity(int samples) {
      this.rttSampleCapacity = samples;
      return this;
    }

    /**
     * Checks the values and builds the configuration.
     *
     * @return the immutable configuration
     * @throws NullPointerException if the RTO bounds are null
     * @throws IllegalArgumentException if a value is out of range, e.g.
     *     {@code sequenceSpace : 10 (expected: >= 2 * window = 16)}
     */
    public SequencedClientConfig build() {
      Objects.requireNonNull(rto, "rto");
      checkPositive(window, "window");
      checkPositive(maxTries, "maxTries");
      checkPositive(maxQueued, "maxQueued");
      checkPositive(rttSampleCapacity, "rttSampleCapacity");
      DatagramSize.checkMaxDatagram(maxDatagram, MIN_DATAGRAM, "maxDatagram");
      if (sequenceSpace < 2L * window) {
        throw new IllegalArgumentException("sequenceSpace : " + sequenceSpace
            + " (expected: >= 2 * window = " + 2L * window + ")");
      }
      checkInRange(firstSequence, 0, sequenceSpace - 1, "firstSequence");
      return new SequencedClientConfig(this);
    }
  }
}
