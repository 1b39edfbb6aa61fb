package dev.netkit.chat.client;

import dev.netkit.codec.chat.ChannelFormat;
import dev.netkit.codec.chat.ChatFrameCodec;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of a {@link ChatClient}: the server, and the book's timings as defaults (5 login
 * tries 6 s apart, STILL_HERE every 30 s). Immutable; build one with {@link #builder}.
 */
public final class ChatClientConfig {

  /** LOGIN_REQ tries before giving up (the book's client). */
  public static final int DEFAULT_LOGIN_TRIES = 5;
  /** How long each LOGIN_REQ waits for an answer (the book's client). */
  public static final Duration DEFAULT_LOGIN_RETRY_INTERVAL = Duration.ofSeconds(6);
  /** How often STILL_HERE is sent after login (the book's ALIVE_INTERVAL). */
  public static final Duration DEFAULT_KEEP_ALIVE_INTERVAL = Duration.ofSeconds(30);

  private final InetSocketAddress server;
  private final Optional<InetSocketAddress> bindAddress;
  private final int maxDatagramSize;
  private final int loginTries;
  private final Duration loginRetryInterval;
  private final Duration keepAliveInterval;
  private final ChannelFormat channelFormat;

  private ChatClientConfig(Builder builder) {
    this.server = builder.server;
    this.bindAddress = builder.bindAddress;
    this.maxDatagramSize = builder.maxDatagramSize;
    this.loginTries = builder.loginTries;
    this.loginRetryInterval = builder.loginRetryInterval;
    this.keepAliveInterval = builder.keepAliveInterval;
    this.channelFormat = builder.channelFormat;
  }

  /**
   * Starts a builder for a server.
   *
   * @param server the chat server's address and port
   * @return a builder with every other setting at its default
   * @throws IllegalArgumentException if the server address is unresolved
   */
  public static Builder builder(InetSocketAddress server) {
    return new Builder(server);
  }

  /**
   * Returns the server.
   *
   * @return its address and port
   */
  public InetSocketAddress server() {
    return server;
  }

  /**
   * Returns the local address to bind, if one was set.
   *
   * @return the address, or empty for any address and a free port
   */
  public Optional<InetSocketAddress> bindAddress() {
    return bindAddress;
  }

  /**
   * Returns the largest datagram sent or accepted.
   *
   * @return bytes, default {@link ChatFrameCodec#DEFAULT_MAX_DATAGRAM_SIZE}
   */
  public int maxDatagramSize() {
    return maxDatagramSize;
  }

  /**
   * Returns how many LOGIN_REQs a login sends at most.
   *
   * @return default {@value #DEFAULT_LOGIN_TRIES}
   */
  public int loginTries() {
    return loginTries;
  }

  /**
   * Returns how long each LOGIN_REQ waits for an answer.
   *
   * @return default {@link #DEFAULT_LOGIN_RETRY_INTERVAL}
   */
  public Duration loginRetryInterval() {
    return loginRetryInterval;
  }

  /**
   * Returns the STILL_HERE interval.
   *
   * @return default {@link #DEFAULT_KEEP_ALIVE_INTERVAL}
   */
  public Duration keepAliveInterval() {
    return keepAliveInterval;
  }

  /**
   * Returns the form of the server's channel payloads.
   *
   * @return {@link ChannelFormat#STANDARD} (default) or {@link ChannelFormat#MULTICAST}
   */
  public ChannelFormat channelFormat() {
    return channelFormat;
  }

  /** Collects the settings of a {@link ChatClientConfig}; every setter checks its argument. */
  public static final class Builder {
    private final InetSocketAddress server;
    private Optional<InetSocketAddress> bindAddress = Optional.empty();
    private int maxDatagramSize = ChatFrameCodec.DEFAULT_MAX_DATAGRAM_SIZE;
    private int loginTries = DEFAULT_LOGIN_TRIES;
    private Duration loginRetryInterval = DEFAULT_LOGIN_RETRY_INTERVAL;
    private Duration keepAliveInterval = DEFAULT_KEEP_ALIVE_INTERVAL;
    private ChannelFormat channelFormat = ChannelFormat.STANDARD;

    private Builder(InetSocketAddress server) {
      Objects.requireNonNull(server, "server");
      if (server.isUnresolved()) {
        throw new IllegalArgumentException("server : " + server + " (expected: resolved)");
      }
      this.server = server;
    }

    /**
     * Binds the client's socket to a local address (for example one of several loopback
     * addresses in tests).
     *
     * @param address the local address and port (0: any free port)
     * @return this builder
     */
    public Builder bindAddress(InetSocketAddress address) {
      this.bindAddress = Optional.of(address);
      return this;
    }

    /**
     * Sets the largest datagram sent or accepted.
     *
     * @param bytes 2 to {@link ChatFrameCodec#MAX_UDP_PAYLOAD}; default 1024
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxDatagramSize(int bytes) {
      this.maxDatagramSize = new ChatFrameCodec(bytes).maxDatagramSize();
      return this;
    }

    /**
     * Sets the login retries.
     *
     * @param tries LOGIN_REQs sent at most, at least 1; default 5
     * @param interval how long each waits for an answer, positive; default 6 s
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder login(int tries, Duration interval) {
      if (tries < 1) {
        throw new IllegalArgumentException("tries : " + tries + " (expected: > 0)");
      }
      this.loginTries = tries;
      this.loginRetryInterval = positive(interval, "interval");
      return this;
    }

    /**
     * Sets the STILL_HERE interval (shorter than the server's auto-logout time).
     *
     * @param interval positive; default 30 s
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder keepAliveInterval(Duration interval) {
      this.keepAliveInterval = positive(interval, "keepAliveInterval");
      return this;
    }

    /**
     * Sets the form of the server's channel payloads: {@link ChannelFormat#MULTICAST} for the
     * multicast chat server, whose JOIN_ACK, PART_ACK and CHANNEL_ITEM carry the group.
     *
     * @param format the form; default {@link ChannelFormat#STANDARD}
     * @return this builder
     */
    public Builder channelFormat(ChannelFormat format) {
      this.channelFormat = Objects.requireNonNull(format, "format");
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @return the immutable configuration
     */
    public ChatClientConfig build() {
      return new ChatClientConfig(this);
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " : " + value + " (expected: > 0)");
      }
      return value;
    }
  }
}
