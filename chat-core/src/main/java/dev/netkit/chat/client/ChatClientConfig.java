package dev.netkit.chat.client;

import static dev.netkit.codec.Arguments.checkPositive;

import dev.netkit.chat.server.ChatServerConfig;
import dev.netkit.codec.DatagramSize;
import dev.netkit.codec.chat.ChannelFormat;
import dev.netkit.codec.chat.ChatFrame;
import dev.netkit.codec.chat.ChatFrameCodec;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of a {@link ChatClient}: the server (by default this host's, port 2027), and the
 * book's timings as defaults (5 login tries 6 s apart, STILL_HERE every 30 s). Immutable; start
 * from {@link #defaults()} or {@link #builder()}.
 *
 * <pre>
 *   ChatClientConfig config = ChatClientConfig.builder().server(address)
 *       .login(3, Duration.ofSeconds(1)).build();
 * </pre>
 */
public final class ChatClientConfig {

  /** The server asked by default: the loopback address, the book's port 2027. */
  public static final InetSocketAddress DEFAULT_SERVER =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), ChatServerConfig.DEFAULT_PORT);
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
   * Returns the configuration with every default: this host's server, the book's timings.
   *
   * @return the default configuration
   */
  public static ChatClientConfig defaults() {
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
    Builder builder = builder().server(server).maxDatagramSize(maxDatagramSize)
        .login(loginTries, loginRetryInterval).keepAliveInterval(keepAliveInterval)
        .channelFormat(channelFormat);
    bindAddress.ifPresent(builder::bindAddress);
    return builder;
  }

  /**
   * Returns the server.
   *
   * @return its address and port; default {@link #DEFAULT_SERVER}
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

  /** Collects the settings of a {@link ChatClientConfig}; {@link #build()} checks them. */
  public static final class Builder {
    private InetSocketAddress server = DEFAULT_SERVER;
    private Optional<InetSocketAddress> bindAddress = Optional.empty();
    private int maxDatagramSize = ChatFrameCodec.DEFAULT_MAX_DATAGRAM_SIZE;
    private int loginTries = DEFAULT_LOGIN_TRIES;
    private Duration loginRetryInterval = DEFAULT_LOGIN_RETRY_INTERVAL;
    private Duration keepAliveInterval = DEFAULT_KEEP_ALIVE_INTERVAL;
    private ChannelFormat channelFormat = ChannelFormat.STANDARD;

    private Builder() {
    }

    /**
     * Sets the chat server.
     *
     * @param address its address (resolved) and port; default {@link #DEFAULT_SERVER}
     * @return this builder
     */
    public Builder server(InetSocketAddress address) {
      this.server = address;
      return this;
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
     * @param bytes 2 to {@link DatagramSize#MAX_UDP_PAYLOAD}; default 1024
     * @return this builder
     */
    public Builder maxDatagramSize(int bytes) {
      this.maxDatagramSize = bytes;
      return this;
    }

    /**
     * Sets the login retries.
     *
     * @param tries LOGIN_REQs sent at most, at least 1; default 5
     * @param interval how long each waits for an answer, positive; default 6 s
     * @return this builder
     */
    public Builder login(int tries, Duration interval) {
      this.loginTries = tries;
      this.loginRetryInterval = interval;
      return this;
    }

    /**
     * Sets the STILL_HERE interval (shorter than the server's auto-logout time).
     *
     * @param interval positive; default 30 s
     * @return this builder
     */
    public Builder keepAliveInterval(Duration interval) {
      this.keepAliveInterval = interval;
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
      this.channelFormat = format;
      return this;
    }

    /**
     * Checks the settings and builds the configuration.
     *
     * @return the immutable configuration
     * @throws NullPointerException if the server, a duration or the channel form is null
     * @throws IllegalArgumentException if the server address is unresolved or a setting is out
     *     of range, e.g. {@code loginTries : 0 (expected: > 0)}
     */
    public ChatClientConfig build() {
      Objects.requireNonNull(server, "server");
      if (server.isUnresolved()) {
        throw new IllegalArgumentException("server : " + server + " (expected: resolved)");
      }
      Objects.requireNonNull(channelFormat, "channelFormat");
      DatagramSize.checkMaxDatagram(maxDatagramSize, ChatFrame.HEADER_LENGTH,
          "maxDatagramSize");
      checkPositive(loginTries, "loginTries");
      checkPositive(loginRetryInterval, "loginRetryInterval");
      checkPositive(keepAliveInterval, "keepAliveInterval");
      return new ChatClientConfig(this);
    }
  }
}
