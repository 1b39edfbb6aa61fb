package dev.netkit.travesty.server;

import dev.netkit.codec.Arguments;
import dev.netkit.codec.travesty.TravestyProtocol;
import dev.netkit.server.StreamServerConfig;
import dev.netkit.travesty.Travesty;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a {@link TravestyServer} is told: where to listen, the limits of its connections (the
 * stream server core's {@link StreamServerConfig}: clients at once, in all and per address, the
 * idle timeout), and travesty's own limits on what a client can send or make the server hold
 * (line, upload, words, generation, their deadlines), each with the default named here. Over a
 * limit the client gets a reply that says which (see {@link TravestyServer}). Immutable; build
 * one with {@link #builder()}.
 *
 * <pre>{@code
 * TravestyServerConfig config = TravestyServerConfig.builder()
 *     .address(InetAddress.getLoopbackAddress())
 *     .port(0)
 *     .connections(TravestyServerConfig.connectionDefaults().maxConnections(8).build())
 *     .maxUploadBytes(1 << 20)
 *     .build();
 * }</pre>
 */
public final class TravestyServerConfig {

  /** The name of the server's threads and log lines in {@link #connectionDefaults()}. */
  public static final String DEFAULT_NAME = "travesty";
  /** Clients at once ({@link StreamServerConfig#maxConnections()}) by default. */
  public static final int DEFAULT_MAX_CLIENTS = 64;
  /** Default of {@link #maxUploadBytes()}: 64 MiB. */
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 64L << 20;
  /**
   * Clients at once from one IP address ({@link StreamServerConfig#maxConnectionsPerPeer()}) by
   * default.
   */
  public static final int DEFAULT_MAX_CLIENTS_PER_ADDRESS = 8;
  /**
   * The heap a model is taken to need per analysed word when the word budgets are derived from
   * the heap: 120 bytes (measured: a text of 1,000,000 distinct words is analysed and indexed
   * in a 72 MiB heap but not in 64 MiB, about 70 bytes per word at the peak of indexing; the
   * rest is room for a generation and the collector).
   */
  public static final long BYTES_PER_WORD = 120;
  /** The largest default of {@link #maxWords()}: 8 million words per model. */
  public static final long DEFAULT_MAX_WORDS = 8_000_000;
  /** Default of {@link #lineTimeout()}: 60 seconds. */
  public static final Duration DEFAULT_LINE_TIMEOUT = Duration.ofSeconds(60);
  /** Default of {@link #uploadTimeout()}: 10 minutes. */
  public static final Duration DEFAULT_UPLOAD_TIMEOUT = Duration.ofMinutes(10);
  /** Default of {@link #maxGenerateWords()}: 10 million. */
  public static final long DEFAULT_MAX_GENERATE_WORDS = 10_000_000;
  /** Default of {@link #maxLineLength()}: 8 KiB. */
  public static final int DEFAULT_MAX_LINE_LENGTH = 8192;
  /**
   * How long a session may move no byte ({@link StreamServerConfig#idleTimeout()}) by default:
   * 10 minutes.
   */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);
  /** Default of {@link #urgentByteTimeout()}: 30 seconds. */
  public static final Duration DEFAULT_URGENT_BYTE_TIMEOUT = Duration.ofSeconds(30);
  /** Default of {@link #backlog()}: how many clients may wait to be accepted. */
  public static final int DEFAULT_BACKLOG = 50;

  private static final Duration MIN_TIMEOUT = Duration.ofMillis(10);
  private static final Duration MAX_TIMEOUT = Duration.ofDays(1);

  private final InetAddress address;
  private final int port;
  private final int backlog;
  private final StreamServerConfig connections;
  private final long maxUploadBytes;
  private final long maxWords;
  private final long maxTotalWords;
  private final long maxGenerateWords;
  private final int maxLineLength;
  private final Duration lineTimeout;
  private final Duration uploadTimeout;
  private final Duration urgentByteTimeout;
  private final Supplier<Travesty> models;

  private TravestyServerConfig(Builder builder) {
    this.address = builder.address;
    this.port = builder.port;
    this.backlog = builder.backlog;
    this.connections = builder.connections;
    this.maxUploadBytes = builder.maxUploadBytes;
    this.maxWords = builder.maxWords;
    this.maxTotalWords = builder.maxTotalWords;
    this.maxGenerateWords = builder.maxGenerateWords;
    this.maxLineLength = builder.maxLineLength;
    this.lineTimeout = builder.lineTimeout;
    this.uploadTimeout = builder.uploadTimeout;
    this.urgentByteTimeout = builder.urgentByteTimeout;
    this.models = builder.models;
  }

  /**
   * Returns the default of {@link #maxTotalWords()}, derived from this JVM's heap: half of
   * {@link Runtime#maxMemory()} at {@value #BYTES_PER_WORD} bytes a word (about 4.5 million words
   * with {@code -Xmx1g}), so that all models together cannot take the heap.
   *
   * @return at least 1
   */
  public static long defaultMaxTotalWords() {
    return Math.max(1, Runtime.getRuntime().maxMemory() / 2 / BYTES_PER_WORD);
  }

  /**
   * Returns the default of {@link #maxWords()}: {@link #DEFAULT_MAX_WORDS}, or
   * {@link #defaultMaxTotalWords()} when the heap allows less.
   *
   * @return at least 1
   */
  public static long defaultMaxWords() {
    return Math.min(DEFAULT_MAX_WORDS, defaultMaxTotalWords());
  }

  /**
   * Returns a builder of the connection limits with travesty's defaults: the name
   * {@value #DEFAULT_NAME}, {@value #DEFAULT_MAX_CLIENTS} clients at once, of which
   * {@value #DEFAULT_MAX_CLIENTS_PER_ADDRESS} from one IP address, 10 minutes idle timeout, and
   * clients over the limit refused ({@link StreamServerConfig.WhenFull#REFUSE}: answered
   * {@code 421}) rather than left waiting.
   *
   * @return a new builder, for {@link Builder#connections(StreamServerConfig)}
   */
  public static StreamServerConfig.Builder connectionDefaults() {
    return StreamServerConfig.builder()
        .name(DEFAULT_NAME)
        .maxConnections(DEFAULT_MAX_CLIENTS)
        .maxConnectionsPerPeer(DEFAULT_MAX_CLIENTS_PER_ADDRESS)
        .idleTimeout(DEFAULT_IDLE_TIMEOUT)
        .whenFull(StreamServerConfig.WhenFull.REFUSE);
  }

  /**
   * Starts a builder with every default: the loopback address, port 2007,
   * {@link #connectionDefaults()}, the limits' defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the configuration with every default.
   *
   * @return the defaults of {@link #builder()}
   */
  public static TravestyServerConfig defaults() {
    return builder().build();
  }

  /**
   * Returns a builder that starts from this configuration.
   *
   * @return a new builder with these values
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Returns the local address to bind.
   *
   * @return an interface address (default the loopback address), or null for all interfaces
   */
  public InetAddress address() {
    return address;
  }

  /**
   * Returns the port.
   *
   * @return 0 (any free port) to 65535
   */
  public int port() {
    return port;
  }

  /**
   * Returns the address and port to bind.
   *
   * @return the socket address (the wildcard address when {@link #address()} is null)
   */
  public InetSocketAddress bindAddress() {
    return new InetSocketAddress(address, port);
  }

  /**
   * Returns the listen backlog.
   *
   * @return at least 1
   */
  public int backlog() {
    return backlog;
  }

  /**
   * Returns the limits of the connections: how many clients at once
   * ({@link StreamServerConfig#maxConnections()}; one more is answered {@code 421} and
   * disconnected, unless {@link StreamServerConfig#whenFull()} says wait), how many from one IP
   * address ({@link StreamServerConfig#maxConnectionsPerPeer()}; one more is answered
   * {@code 421} while clients from other addresses are still served), how long a session may
   * move no byte in either direction before it is closed
   * ({@link StreamServerConfig#idleTimeout()}), the name of threads and log lines. The server
   * answers refused clients itself: its {@link StreamServerConfig#refuser()} is not used.
   *
   * @return the core's configuration; at most 100,000 clients, idle timeout 10 ms to 1 day
   */
  public StreamServerConfig connections() {
    return connections;
  }

  /**
   * Returns the most bytes one upload may have (lines with their terminators).
   *
   * @return at least 1
   */
  public long maxUploadBytes() {
    return maxUploadBytes;
  }

  /**
   * Returns the most words (repetitions included) one model may analyse. It is checked as the
   * model publishes its statistics during an upload (every 64 KiB of text) and exactly at its
   * end, so a model may hold up to 64 KiB of text beyond it.
   *
   * @return at least 1
   */
  public long maxWords() {
    return maxWords;
  }

  /**
   * Returns the most words all models together may hold: the bound of the server's memory.
   *
   * @return at least 1
   */
  public long maxTotalWords() {
    return maxTotalWords;
  }

  /**
   * Returns the largest word count of a GENERATE command.
   *
   * @return at least 1
   */
  public long maxGenerateWords() {
    return maxGenerateWords;
  }

  /**
   * Returns the longest line (command or uploaded text), in bytes without the terminator.
   *
   * @return 16 to 1 MiB
   */
  public int maxLineLength() {
    return maxLineLength;
  }

  /**
   * Returns how long a line (a command, or a line of an upload) may take to arrive once its first
   * byte has come; then the client gets {@code 421} and is disconnected. Unlike the idle timeout,
   * trickling bytes does not extend it.
   *
   * @return 10 ms to 1 day
   */
  public Duration lineTimeout() {
    return lineTimeout;
  }

  /**
   * Returns how long a whole upload ({@code DATA} to the line {@code .}) may take, however
   * steadily its lines arrive; then the client gets {@code 421} and is disconnected, and the
   * words analysed so far stay in its model.
   *
   * @return 10 ms to 1 day
   */
  public Duration uploadTimeout() {
    return uploadTimeout;
  }

  /**
   * Returns how long the server waits at a client's urgent mark for an urgent byte that was
   * announced before it arrived; then the session ends.
   *
   * @return 10 ms to 1 day
   */
  public Duration urgentByteTimeout() {
    return urgentByteTimeout;
  }

  /**
   * Returns how each session's model is made.
   *
   * @return makes a new, empty model per client
   */
  public Supplier<Travesty> models() {
    return models;
  }

  /** Collects the values of a {@link TravestyServerConfig}; {@link #build()} checks them. */
  public static final class Builder {

    private InetAddress address = InetAddress.getLoopbackAddress();
    private int port = TravestyProtocol.DEFAULT_PORT;
    private int backlog = DEFAULT_BACKLOG;
    private StreamServerConfig connections = connectionDefaults().build();
    private long maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES;
    private long maxWords = defaultMaxWords();
    private long maxTotalWords = defaultMaxTotalWords();
    private long maxGenerateWords = DEFAULT_MAX_GENERATE_WORDS;
    private int maxLineLength = DEFAULT_MAX_LINE_LENGTH;
    private Duration lineTimeout = DEFAULT_LINE_TIMEOUT;
    private Duration uploadTimeout = DEFAULT_UPLOAD_TIMEOUT;
    private Duration urgentByteTimeout = DEFAULT_URGENT_BYTE_TIMEOUT;
    private Supplier<Travesty> models = Travesty::new;

    private Builder() {
    }

    private Builder(TravestyServerConfig config) {
      this.address = config.address;
      this.port = config.port;
      this.backlog = config.backlog;
      this.connections = config.connections;
      this.maxUploadBytes = config.maxUploadBytes;
      this.maxWords = config.maxWords;
      this.maxTotalWords = config.maxTotalWords;
      this.maxGenerateWords = config.maxGenerateWords;
      this.maxLineLength = config.maxLineLength;
      this.lineTimeout = config.lineTimeout;
      this.uploadTimeout = config.uploadTimeout;
      this.urgentByteTimeout = config.urgentByteTimeout;
      this.models = config.models;
    }

    /**
     * Sets the local address to bind.
     *
     * @param address an interface address; default the loopback address (127.0.0.1), so that
     *     the server is reachable from this host only; null (or 0.0.0.0) for all interfaces
     * @return this builder
     */
    public Builder address(InetAddress address) {
      this.address = address;
      return this;
    }

    /**
     * Sets the port.
     *
     * @param port 0 (any free port) to 65535; default 2007
     * @return this builder
     */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * Sets the listen backlog.
     *
     * @param backlog at least 1; default {@value TravestyServerConfig#DEFAULT_BACKLOG}
     * @return this builder
     */
    public Builder backlog(int backlog) {
      this.backlog = backlog;
      return this;
    }

    /**
     * Sets the limits of the connections (see {@link TravestyServerConfig#connections()}); start
     * from {@link TravestyServerConfig#connectionDefaults()} to keep travesty's defaults. More
     * clients per address than clients in all is taken as clients in all.
     *
     * @param connections at most 100,000 clients, idle timeout 10 ms to 1 day; default
     *     {@link TravestyServerConfig#connectionDefaults()}
     * @return this builder
     */
    public Builder connections(StreamServerConfig connections) {
      this.connections = connections;
      return this;
    }

    /**
     * Sets the most bytes one upload may have.
     *
     * @param bytes at least 1; default 64 MiB
     * @return this builder
     */
    public Builder maxUploadBytes(long bytes) {
      this.maxUploadBytes = bytes;
      return this;
    }

    /**
     * Sets the most words one model may analyse (see {@link TravestyServerConfig#maxWords()}).
     *
     * @param words at least 1; default {@link TravestyServerConfig#defaultMaxWords()}
     * @return this builder
     */
    public Builder maxWords(long words) {
      this.maxWords = words;
      return this;
    }

    /**
     * Sets the most words all models together may hold.
     *
     * @param words at least 1; default {@link TravestyServerConfig#defaultMaxTotalWords()} (from
     *     the heap)
     * @return this builder
     */
    public Builder maxTotalWords(long words) {
      this.maxTotalWords = words;
      return this;
    }

    /**
     * Sets the largest word count of a GENERATE command.
     *
     * @param words at least 1; default 10 million
     * @return this builder
     */
    public Builder maxGenerateWords(long words) {
      this.maxGenerateWords = words;
      return this;
    }

    /**
     * Sets the longest line, in bytes without the terminator.
     *
     * @param bytes 16 to 1 MiB; default 8 KiB
     * @return this builder
     */
    public Builder maxLineLength(int bytes) {
      this.maxLineLength = bytes;
      return this;
    }

    /**
     * Sets how long a line may take to arrive once its first byte has come.
     *
     * @param timeout 10 ms to 1 day; default 60 s
     * @return this builder
     */
    public Builder lineTimeout(Duration timeout) {
      this.lineTimeout = timeout;
      return this;
    }

    /**
     * Sets how long a whole upload ({@code DATA} to the line {@code .}) may take.
     *
     * @param timeout 10 ms to 1 day; default 10 min
     * @return this builder
     */
    public Builder uploadTimeout(Duration timeout) {
      this.uploadTimeout = timeout;
      return this;
    }

    /**
     * Sets how long the server waits at a client's urgent mark for an announced urgent byte.
     *
     * @param timeout 10 ms to 1 day; default 30 s
     * @return this builder
     */
    public Builder urgentByteTimeout(Duration timeout) {
      this.urgentByteTimeout = timeout;
      return this;
    }

    /**
     * Sets how each session's model is made, e.g. with a seed or another width for tests.
     *
     * @param models makes a new, empty model per client; default {@code Travesty::new}
     * @return this builder
     */
    public Builder models(Supplier<Travesty> models) {
      this.models = models;
      return this;
    }

    /**
     * Checks the values and builds the configuration.
     *
     * @return the configuration
     * @throws IllegalArgumentException naming the first value out of range, e.g.
     *     {@code connections.maxConnections : 200000 (expected: 1-100000)}
     * @throws NullPointerException when the connection limits, the model supplier or a timeout
     *     is missing
     */
    public TravestyServerConfig build() {
      Arguments.checkInRange(port, 0, 65_535, "port");
      Arguments.checkPositive(backlog, "backlog");
      Objects.requireNonNull(connections, "connections");
      Arguments.checkInRange(connections.maxConnections(), 1, 100_000,
          "connections.maxConnections");
      Arguments.checkInRange(connections.idleTimeout(), MIN_TIMEOUT, MAX_TIMEOUT,
          "connections.idleTimeout");
      Arguments.checkInRange(maxUploadBytes, 1, Long.MAX_VALUE / 4, "maxUploadBytes");
      Arguments.checkInRange(maxWords, 1, Integer.MAX_VALUE, "maxWords");
      Arguments.checkInRange(maxTotalWords, 1, Long.MAX_VALUE / 4, "maxTotalWords");
      Arguments.checkInRange(maxGenerateWords, 1, Long.MAX_VALUE, "maxGenerateWords");
      Arguments.checkInRange(maxLineLength, 16, 1 << 20, "maxLineLength");
      Arguments.checkInRange(lineTimeout, MIN_TIMEOUT, MAX_TIMEOUT, "lineTimeout");
      Arguments.checkInRange(uploadTimeout, MIN_TIMEOUT, MAX_TIMEOUT, "uploadTimeout");
      Arguments.checkInRange(urgentByteTimeout, MIN_TIMEOUT, MAX_TIMEOUT, "urgentByteTimeout");
      Objects.requireNonNull(models, "models");
      return new TravestyServerConfig(this);
    }
  }
}
