package dev.netkit.udp;

import static dev.netkit.codec.Arguments.checkInRange;

import dev.netkit.server.ReplyRateConfig;
import java.util.Objects;

/**
 * How a UDP server of this package ({@link ReverseEchoServer}, {@link DaytimeServer}) serves its
 * port: how many sockets share it, whether their system calls are batched, the reply budget
 * per source address that they share, and whether each request is logged. Held by each server's configuration
 * ({@link ReverseEchoServerConfig#loop()}, {@link DaytimeServerConfig#loop()}). Immutable; start
 * from {@link #defaults()} or {@link #builder()}.
 *
 * <pre>
 *   DatagramLoopConfig fourPlain = DatagramLoopConfig.builder().threads(4).batched(false).build();
 *   ReverseEchoServerConfig config = ReverseEchoServerConfig.builder().loop(fourPlain).build();
 * </pre>
 *
 * <p>Defaults: one socket and thread, batched where netkit's native library loads,
 * {@link ReplyRateConfig#defaults()}, requests not logged.
 */
public final class DatagramLoopConfig {

  /** The most sockets (and threads) one server may run on its port. */
  public static final int MAX_THREADS = 64;

  private final boolean batched;
  private final int threads;
  private final ReplyRateConfig replyRate;
  private final boolean logDatagrams;

  private DatagramLoopConfig(Builder builder) {
    this.batched = builder.batched;
    this.threads = builder.threads;
    this.replyRate = builder.replyRate;
    this.logDatagrams = builder.logDatagrams;
  }

  /**
   * Returns the defaults: one socket, batched, the default reply budget.
   *
   * @return the default configuration
   */
  public static DatagramLoopConfig defaults() {
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
    return builder().batched(batched).threads(threads).replyRate(replyRate)
        .logDatagrams(logDatagrams);
  }

  /**
   * Tells whether the server batches its system calls: one {@code recvmmsg} for up to 64 queued
   * requests and one {@code sendmmsg} for their replies, where netkit's native library loads
   * (elsewhere it falls back to one call per datagram by itself). The bytes on the wire are the
   * same either way.
   *
   * @return default true
   */
  public boolean batched() {
    return batched;
  }

  /**
   * Returns how many sockets serve the port, each with its own thread ({@code SO_REUSEPORT};
   * the kernel keeps each client on one of them).
   *
   * @return 1 to {@value #MAX_THREADS}, default 1
   */
  public int threads() {
    return threads;
  }

  /**
   * Returns the reply budget per source address, shared by all the server's sockets; replies
   * beyond it are held back and counted. The server never answers a source port below 1024 or
   * its own port, whatever the budget.
   *
   * @return default {@link ReplyRateConfig#defaults()}: 1000 datagrams and 1 MiB per second per
   *     source address, burst 1 s
   */
  public ReplyRateConfig replyRate() {
    return replyRate;
  }

  /**
   * Tells whether each request is logged at INFO as it arrives, as
   * {@code Received N bytes from [host,port]} (the flag of every netkit UDP server, like
   * {@code ChatServerConfig.logDatagrams()}). Off, the line is logged at DEBUG, so a logger set
   * to DEBUG shows it too; a peer that sends many datagrams must not be able to fill the log.
   *
   * @return default false
   */
  public boolean logDatagrams() {
    return logDatagrams;
  }

  @Override
  public String toString() {
    return "DatagramLoopConfig[" + threads + (threads == 1 ? " socket, " : " sockets, ")
        + (batched ? "batched, " : "plain, ") + replyRate
        + (logDatagrams ? ", logging datagrams]" : "]");
  }

  /** Collects the values of a {@link DatagramLoopConfig}; {@link #build()} checks them. */
  public static final class Builder {
    private boolean batched = true;
    private int threads = 1;
    private ReplyRateConfig replyRate = ReplyRateConfig.defaults();
    private boolean logDatagrams;

    private Builder() {
    }

    /**
     * Turns the per-request log line at INFO on or off (see
     * {@link DatagramLoopConfig#logDatagrams()}).
     *
     * @param on true to log each request at INFO; default false
     * @return this builder
     */
    public Builder logDatagrams(boolean on) {
      this.logDatagrams = on;
      return this;
    }

    /**
     * Turns batched system calls on or off (see {@link DatagramLoopConfig#batched()}).
     *
     * @param on false for one system call per datagram
     * @return this builder
     */
    public Builder batched(boolean on) {
      this.batched = on;
      return this;
    }

    /**
     * Sets how many sockets, each with its own thread, serve the port.
     *
     * @param count 1 to {@value DatagramLoopConfig#MAX_THREADS}
     * @return this builder
     */
    public Builder threads(int count) {
      this.threads = count;
      return this;
    }

    /**
     * Sets the reply budget per source address (reflection and loop protection).
     *
     * @param budget datagrams and bytes per second, burst, sources remembered; default
     *     {@link ReplyRateConfig#defaults()}
     * @return this builder
     */
    public Builder replyRate(ReplyRateConfig budget) {
      this.replyRate = budget;
      return this;
    }

    /**
     * Checks the values and builds the configuration.
     *
     * @return the immutable configuration
     * @throws NullPointerException if the reply budget is null
     * @throws IllegalArgumentException if {@code threads} is not 1-64
     */
    public DatagramLoopConfig build() {
      Objects.requireNonNull(replyRate, "replyRate");
      checkInRange(threads, 1, MAX_THREADS, "threads");
      return new DatagramLoopConfig(this);
    }
  }
}
