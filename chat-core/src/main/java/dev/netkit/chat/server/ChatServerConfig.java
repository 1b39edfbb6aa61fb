package dev.netkit.chat.server;

import static dev.netkit.codec.Arguments.checkInRange;
import static dev.netkit.codec.Arguments.checkPositive;
import static dev.netkit.codec.Arguments.checkPositiveOrZero;

import dev.netkit.chat.ChannelDefinition;
import dev.netkit.chat.Nicknames;
import dev.netkit.codec.DatagramSize;
import dev.netkit.codec.chat.ChatFrame;
import dev.netkit.codec.chat.ChatFrameCodec;
import dev.netkit.server.ReplyRateConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Everything a {@link ChatServer} can be told: where to listen, its channels, its fan-out
 * strategy, and every limit, each with the default named here. Immutable; build one with
 * {@link #builder()} or change one with {@link #toBuilder()}.
 *
 * <pre>
 *   ChatServerConfig config = ChatServerConfig.builder()
 *       .bindAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
 *       .autoLogout(Duration.ofSeconds(2)).checkInterval(Duration.ofMillis(200))
 *       .build();
 * </pre>
 */
public final class ChatServerConfig {

  /** The longest nickname a server can be told to accept, in characters. */
  public static final int MAX_NICKNAME_LENGTH = 256;
  /** The book's chat port. */
  public static final int DEFAULT_PORT = 2027;
  /** The default limit on logged-in users; a further LOGIN_REQ gets {@code server full}. */
  public static final int DEFAULT_MAX_USERS = 10_000;
  /**
   * The default limit on users logged in from one IP address (one per port); a further
   * LOGIN_REQ from it gets {@code too many users from your address}.
   */
  public static final int DEFAULT_MAX_USERS_PER_ADDRESS = 64;
  /** The default limit on channels per user; a further join gets {@code too many channels}. */
  public static final int DEFAULT_MAX_CHANNELS_PER_USER = 20;
  /** Users silent for longer than this are logged out (the book's AUTO_LOGOUT). */
  public static final Duration DEFAULT_AUTO_LOGOUT = Duration.ofSeconds(120);
  /** How often silent users are looked for (the book's CHECK_INTERVAL). */
  public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(30);
  /** How often the server logs its summary line. */
  public static final Duration DEFAULT_SUMMARY_INTERVAL = Duration.ofMinutes(1);
  /** ERROR replies one unknown source address may get in a burst. */
  public static final int DEFAULT_ERROR_BURST = 5;
  /** ERROR replies per second one unknown source address earns back after a burst. */
  public static final double DEFAULT_ERRORS_PER_SECOND = 1.0;
  /** Source addresses the ERROR rate limiter remembers (least recently used ones go first). */
  public static final int DEFAULT_RATE_LIMIT_SOURCES = 4096;
  /**
   * Datagrams per second the server sends to one IP address (all its ports, replies and
   * channel traffic alike) after the burst, by default.
   */
  public static final double DEFAULT_REPLY_DATAGRAMS_PER_SECOND = 2000;
  /**
   * Bytes (UDP payload) per second the server sends to one IP address after the burst, by
   * default: 256 KiB.
   */
  public static final long DEFAULT_REPLY_BYTES_PER_SECOND = 256L << 10;
  /**
   * The burst of the per-address response budget, by default: 6 s of its rates, i.e. 12,000
   * datagrams and 1.5 MiB at once. That is a {@code /users} in a channel that holds every user
   * the server admits by default ({@value #DEFAULT_MAX_USERS} USER_ITEMs of up to 157 bytes on
   * average; with the default channels and nicknames one is at most ~90 bytes), with room to
   * spare.
   */
  public static final Duration DEFAULT_REPLY_BURST = Duration.ofSeconds(6);

  private final InetSocketAddress bindAddress;
  private final List<ChannelDefinition> channels;
  private final Supplier<FanOut> fanOut;
  private final int maxDatagramSize;
  private final int maxUsers;
  private final int maxUsersPerAddress;
  private final int maxChannelsPerUser;
  private final int maxNicknameLength;
  private final Duration autoLogout;
  private final Duration checkInterval;
  private final Duration summaryInterval;
  private final int errorBurst;
  private final double errorsPerSecond;
  private final int rateLimitSources;
  private final ReplyRateConfig replyRate;
  private final int receiveBufferSize;
  private final boolean logDatagrams;
  private final boolean batched;

  private ChatServerConfig(Builder builder) {
    this.bindAddress = builder.bindAddress;
    this.channels = builder.channels;
    this.fanOut = builder.fanOut;
    this.maxDatagramSize = builder.maxDatagramSize;
    this.maxUsers = builder.maxUsers;
    this.maxUsersPerAddress = builder.maxUsersPerAddress;
    this.maxChannelsPerUser = builder.maxChannelsPerUser;
    this.maxNicknameLength = builder.maxNicknameLength;
    this.autoLogout = builder.autoLogout;
    this.checkInterval = builder.checkInterval;
    this.summaryInterval = builder.summaryInterval;
    this.errorBurst = builder.errorBurst;
    this.errorsPerSecond = builder.errorsPerSecond;
    this.rateLimitSources = builder.rateLimitSources;
    this.replyRate = builder.replyRate;
    this.receiveBufferSize = builder.receiveBufferSize;
    this.batched = builder.batched;
    this.logDatagrams = builder.logDatagrams;
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
   * Returns the configuration with every default: the loopback address, port 2027, the book's
   * channels.
   *
   * @return the default configuration
   */
  public static ChatServerConfig defaults() {
    return builder().build();
  }

  /**
   * Starts a builder with this configuration's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return builder().bindAddress(bindAddress).channels(channels).fanOut(fanOut)
        .maxDatagramSize(maxDatagramSize).maxUsers(maxUsers)
        .maxUsersPerAddress(maxUsersPerAddress).maxChannelsPerUser(maxChannelsPerUser)
        .maxNicknameLength(maxNicknameLength)
        .autoLogout(autoLogout).checkInterval(checkInterval).summaryInterval(summaryInterval)
        .errorRateLimit(errorBurst, errorsPerSecond, rateLimitSources).replyRate(replyRate)
        .receiveBufferSize(receiveBufferSize).logDatagrams(logDatagrams)
        .batched(batched);
  }

  /**
   * Returns where the server listens.
   *
   * @return the address and port (port 0: any free port)
   */
  public InetSocketAddress bindAddress() {
    return bindAddress;
  }

  /**
   * Returns the channels, in the order LIST_CHANNELS lists them.
   *
   * @return the channels (immutable)
   */
  public List<ChannelDefinition> channels() {
    return channels;
  }

  /**
   * Makes the fan-out strategy for one server.
   *
   * @return a new fan-out (the server closes it)
   */
  public FanOut newFanOut() {
    return fanOut.get();
  }

  /**
   * Returns the largest datagram received or sent.
   *
   * @return bytes, default {@link ChatFrameCodec#DEFAULT_MAX_DATAGRAM_SIZE}
   */
  public int maxDatagramSize() {
    return maxDatagramSize;
  }

  /**
   * Returns the limit on logged-in users.
   *
   * @return default {@link #DEFAULT_MAX_USERS}
   */
  public int maxUsers() {
    return maxUsers;
  }

  /**
   * Returns the limit on users logged in from one IP address (any port), so that one host
   * cannot fill the server; {@link #maxUsers()} still limits the total.
   *
   * @return default {@value #DEFAULT_MAX_USERS_PER_ADDRESS}
   */
  public int maxUsersPerAddress() {
    return maxUsersPerAddress;
  }

  /**
   * Returns the limit on channels per user.
   *
   * @return default {@link #DEFAULT_MAX_CHANNELS_PER_USER}
   */
  public int maxChannelsPerUser() {
    return maxChannelsPerUser;
  }

  /**
   * Returns the longest nickname, in characters.
   *
   * @return default {@link Nicknames#DEFAULT_MAX_LENGTH}
   */
  public int maxNicknameLength() {
    return maxNicknameLength;
  }

  /**
   * Returns how long a user may stay silent before being logged out.
   *
   * @return default {@link #DEFAULT_AUTO_LOGOUT}
   */
  public Duration autoLogout() {
    return autoLogout;
  }

  /**
   * Returns how often silent users are looked for.
   *
   * @return default {@link #DEFAULT_CHECK_INTERVAL}
   */
  public Duration checkInterval() {
    return checkInterval;
  }

  /**
   * Returns how often the summary line is logged.
   *
   * @return default {@link #DEFAULT_SUMMARY_INTERVAL}
   */
  public Duration summaryInterval() {
    return summaryInterval;
  }

  /**
   * Returns the burst of ERROR replies one unknown source address may get.
   *
   * @return default {@link #DEFAULT_ERROR_BURST}
   */
  public int errorBurst() {
    return errorBurst;
  }

  /**
   * Returns the ERROR replies per second an unknown source address earns back.
   *
   * @return default {@link #DEFAULT_ERRORS_PER_SECOND}
   */
  public double errorsPerSecond() {
    return errorsPerSecond;
  }

  /**
   * Returns how many source addresses the ERROR rate limiter remembers.
   *
   * @return default {@link #DEFAULT_RATE_LIMIT_SOURCES}
   */
  public int rateLimitSources() {
    return rateLimitSources;
  }

  /**
   * Returns the ERROR rate limit for addresses that are not logged in as a budget of the server
   * core: {@link #errorsPerSecond()} datagrams per second, a burst of {@link #errorBurst()}
   * datagrams, {@link #rateLimitSources()} addresses remembered; bytes are not limited.
   *
   * @return the budget
   */
  public ReplyRateConfig errorRate() {
    return ReplyRateConfig.builder().datagramsPerSecond(errorsPerSecond)
        .bytesPerSecond(Long.MAX_VALUE)
        .burst(Duration.ofNanos(Math.round(errorBurst / errorsPerSecond * 1e9)))
        .maxSources(rateLimitSources).build();
  }

  /**
   * Returns the per-address response budget: what the server sends to one IP address (every
   * port of it: replies, ERRORs, USER_ITEMs, channel traffic) per second, in datagrams and
   * bytes. It bounds what a forged source address can get out of the server, which has no
   * handshake; datagrams beyond it are not sent and are counted in
   * {@link ChatServerStats#repliesRateLimited()}.
   *
   * @return default {@value #DEFAULT_REPLY_DATAGRAMS_PER_SECOND} datagrams and 256 KiB per
   *     second, burst {@link #DEFAULT_REPLY_BURST} (6 s), 4096 addresses remembered
   */
  public ReplyRateConfig replyRate() {
    return replyRate;
  }

  /**
   * Returns the socket receive buffer size asked for.
   *
   * @return bytes, or 0 for the system default (the default)
   */
  public int receiveBufferSize() {
    return receiveBufferSize;
  }

  /**
   * Tells whether every event (login, join, message, part, logout) is logged at INFO as it
   * arrives (the flag of every netkit UDP server, like
   * {@code DatagramLoopConfig.logDatagrams()} of udp-echo). Off, the events are logged at DEBUG,
   * so a logger set to DEBUG shows them too, and INFO has only the periodic summary and
   * problems: a peer that sends many datagrams must not be able to fill the log.
   *
   * @return default false
   */
  public boolean logDatagrams() {
    return logDatagrams;
  }

  /**
   * Tells whether the server batches its system calls where netkit's native library loads: one
   * {@code recvmmsg} drains up to 64 queued datagrams, and the datagrams of a turn (replies and a
   * channel message's copies for its members) go out in order with one {@code sendmmsg} per 64.
   * Elsewhere, or when off, one system call per datagram. The bytes and their order per peer are
   * the same either way.
   *
   * @return default true
   */
  public boolean batched() {
    return batched;
  }

  /** Collects the settings of a {@link ChatServerConfig}; {@link #build()} checks them. */
  public static final class Builder {
    private InetSocketAddress bindAddress =
        new InetSocketAddress(InetAddress.getLoopbackAddress(), DEFAULT_PORT);
    private List<ChannelDefinition> channels = ChannelDefinition.defaults();
    private Supplier<FanOut> fanOut = UnicastFanOut::new;
    private int maxDatagramSize = ChatFrameCodec.DEFAULT_MAX_DATAGRAM_SIZE;
    private int maxUsers = DEFAULT_MAX_USERS;
    private int maxUsersPerAddress = DEFAULT_MAX_USERS_PER_ADDRESS;
    private int maxChannelsPerUser = DEFAULT_MAX_CHANNELS_PER_USER;
    private int maxNicknameLength = Nicknames.DEFAULT_MAX_LENGTH;
    private Duration autoLogout = DEFAULT_AUTO_LOGOUT;
    private Duration checkInterval = DEFAULT_CHECK_INTERVAL;
    private Duration summaryInterval = DEFAULT_SUMMARY_INTERVAL;
    private int errorBurst = DEFAULT_ERROR_BURST;
    private double errorsPerSecond = DEFAULT_ERRORS_PER_SECOND;
    private int rateLimitSources = DEFAULT_RATE_LIMIT_SOURCES;
    private ReplyRateConfig replyRate = ReplyRateConfig.builder()
        .datagramsPerSecond(DEFAULT_REPLY_DATAGRAMS_PER_SECOND)
        .bytesPerSecond(DEFAULT_REPLY_BYTES_PER_SECOND).burst(DEFAULT_REPLY_BURST).build();
    private int receiveBufferSize;
    private boolean logDatagrams;
    private boolean batched = true;

    private Builder() {
    }

    /**
     * Turns batched system calls on or off (see {@link ChatServerConfig#batched()}).
     *
     * @param on false for one system call per datagram
     * @return this builder
     */
    public Builder batched(boolean on) {
      this.batched = on;
      return this;
    }

    /**
     * Sets where to listen. The default is the loopback address, reachable from this host only;
     * serving the network (and discovery by broadcast) needs the wildcard address, given
     * explicitly: {@code new InetSocketAddress(2027)}.
     *
     * @param address the address and port (port 0: any free port); default 127.0.0.1, 2027
     * @return this builder
     */
    public Builder bindAddress(InetSocketAddress address) {
      this.bindAddress = address;
      return this;
    }

    /**
     * Sets the channels.
     *
     * @param channels at least one, titles different ignoring case; default
     *     {@link ChannelDefinition#defaults()}
     * @return this builder
     */
    public Builder channels(List<ChannelDefinition> channels) {
      this.channels = List.copyOf(channels);
      return this;
    }

    /**
     * Sets the fan-out strategy: how a frame reaches a channel's members, how channels are
     * described, what follows LOGIN_ACK. Called once per server.
     *
     * @param fanOut makes the strategy; default {@link UnicastFanOut}
     * @return this builder
     */
    public Builder fanOut(Supplier<FanOut> fanOut) {
      this.fanOut = fanOut;
      return this;
    }

    /**
     * Sets the largest datagram received or sent; longer ones are refused.
     *
     * @param bytes 2 to {@link DatagramSize#MAX_UDP_PAYLOAD}; default 1024
     * @return this builder
     */
    public Builder maxDatagramSize(int bytes) {
      this.maxDatagramSize = bytes;
      return this;
    }

    /**
     * Sets the limit on logged-in users.
     *
     * @param users at least 1; default {@value ChatServerConfig#DEFAULT_MAX_USERS}
     * @return this builder
     */
    public Builder maxUsers(int users) {
      this.maxUsers = users;
      return this;
    }

    /**
     * Sets the limit on users logged in from one IP address (one per port).
     *
     * @param users at least 1; default {@value ChatServerConfig#DEFAULT_MAX_USERS_PER_ADDRESS}
     * @return this builder
     */
    public Builder maxUsersPerAddress(int users) {
      this.maxUsersPerAddress = users;
      return this;
    }

    /**
     * Sets the limit on channels per user.
     *
     * @param channels at least 1; default {@value ChatServerConfig#DEFAULT_MAX_CHANNELS_PER_USER}
     * @return this builder
     */
    public Builder maxChannelsPerUser(int channels) {
      this.maxChannelsPerUser = channels;
      return this;
    }

    /**
     * Sets the longest nickname.
     *
     * @param characters 1 to {@value ChatServerConfig#MAX_NICKNAME_LENGTH}; default
     *     {@value Nicknames#DEFAULT_MAX_LENGTH}
     * @return this builder
     */
    public Builder maxNicknameLength(int characters) {
      this.maxNicknameLength = characters;
      return this;
    }

    /**
     * Sets how long a user may stay silent before being logged out.
     *
     * @param silence positive; default 120 s
     * @return this builder
     */
    public Builder autoLogout(Duration silence) {
      this.autoLogout = silence;
      return this;
    }

    /**
     * Sets how often silent users are looked for; the check runs even when nothing arrives.
     *
     * @param interval positive; default 30 s
     * @return this builder
     */
    public Builder checkInterval(Duration interval) {
      this.checkInterval = interval;
      return this;
    }

    /**
     * Sets how often the summary line (users, channels, events/s, errors) is logged.
     *
     * @param interval positive; default 1 min
     * @return this builder
     */
    public Builder summaryInterval(Duration interval) {
      this.summaryInterval = interval;
      return this;
    }

    /**
     * Sets the rate limit on ERROR replies to addresses that are not logged in: a token bucket
     * per source IP address, so that the server cannot be used to flood a forged source.
     *
     * @param burst replies one source may get at once, at least 1; default 5
     * @param perSecond replies per second earned back, positive; default 1
     * @param sources source addresses remembered, at least 1; default 4096
     * @return this builder
     */
    public Builder errorRateLimit(int burst, double perSecond, int sources) {
      this.errorBurst = burst;
      this.errorsPerSecond = perSecond;
      this.rateLimitSources = sources;
      return this;
    }

    /**
     * Sets the per-address response budget (see {@link ChatServerConfig#replyRate()}).
     *
     * @param budget datagrams and bytes per second, burst, addresses remembered; default
     *     2000 datagrams and 256 KiB per second, burst 6 s, 4096 addresses
     * @return this builder
     */
    public Builder replyRate(ReplyRateConfig budget) {
      this.replyRate = budget;
      return this;
    }

    /**
     * Asks for a socket receive buffer size (the kernel may cap it).
     *
     * @param bytes positive, or 0 for the system default (the default)
     * @return this builder
     */
    public Builder receiveBufferSize(int bytes) {
      this.receiveBufferSize = bytes;
      return this;
    }

    /**
     * Turns per-event logging at INFO on or off (see {@link ChatServerConfig#logDatagrams()}).
     *
     * @param on true to log every login, join, part and logout at INFO; false (default) to log
     *     only the summary and problems there
     * @return this builder
     */
    public Builder logDatagrams(boolean on) {
      this.logDatagrams = on;
      return this;
    }

    /**
     * Checks the settings and builds the configuration.
     *
     * @return the immutable configuration
     * @throws NullPointerException if the address, the channels, the fan-out or the reply budget
     *     is null
     * @throws IllegalArgumentException if a setting is out of range, e.g.
     *     {@code maxUsers : 0 (expected: > 0)}, or two channel titles differ only in case
     */
    public ChatServerConfig build() {
      Objects.requireNonNull(bindAddress, "bindAddress");
      Objects.requireNonNull(fanOut, "fanOut");
      Objects.requireNonNull(replyRate, "replyRate");
      checkChannels(channels);
      DatagramSize.checkMaxDatagram(maxDatagramSize, ChatFrame.HEADER_LENGTH,
          "maxDatagramSize");
      checkPositive(maxUsers, "maxUsers");
      checkPositive(maxUsersPerAddress, "maxUsersPerAddress");
      checkPositive(maxChannelsPerUser, "maxChannelsPerUser");
      checkInRange(maxNicknameLength, 1, MAX_NICKNAME_LENGTH, "maxNicknameLength");
      checkPositive(autoLogout, "autoLogout");
      checkPositive(checkInterval, "checkInterval");
      checkPositive(summaryInterval, "summaryInterval");
      checkPositive(errorBurst, "errorBurst");
      checkPositive(errorsPerSecond, "errorsPerSecond");
      checkPositive(rateLimitSources, "rateLimitSources");
      checkPositiveOrZero(receiveBufferSize, "receiveBufferSize");
      return new ChatServerConfig(this);
    }

    private static void checkChannels(List<ChannelDefinition> channels) {
      if (channels.isEmpty()) {
        throw new IllegalArgumentException("channels : [] (expected: at least one)");
      }
      long distinct = channels.stream().map(c -> c.title().toLowerCase(Locale.ROOT)).distinct()
          .count();
      if (distinct != channels.size()) {
        throw new IllegalArgumentException("channels : titles repeat (ignoring case)");
      }
    }
  }
}
