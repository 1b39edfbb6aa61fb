package dev.netkit.server;

import dev.netkit.codec.Arguments;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link StreamServer} is told: its name, how many connections it serves (in total and
 * per peer), what happens to a connection over a limit, and the idle timeout. Immutable; build
 * one with {@link #builder()}.
 *
 * <pre>{@code
 * StreamServerConfig config = StreamServerConfig.builder()
 *     .name("wrap-server")
 *     .maxConnections(16)
 *     .idleTimeout(Duration.ofSeconds(10))
 *     .build();
 * }</pre>
 */
public final class StreamServerConfig {

  /** What the server does with a client over {@link StreamServerConfig#maxConnections()}. */
  public enum WhenFull {
    /**
     * Stop accepting until a connection ends: further clients wait in the listen backlog (and
     * the kernel refuses them when that is full). Peers over the per-peer limit
     * are still refused, since a peer is known only once accepted.
     */
    WAIT,
    /** Accept the client, hand it to the {@link Refuser} (a reply, say) and close it. */
    REFUSE
  }

  /** The default {@link #name()}. */
  public static final String DEFAULT_NAME = "stream-server";
  /** The default {@link #maxConnections()}. */
  public static final int DEFAULT_MAX_CONNECTIONS = 64;
  /** The default {@link #maxConnectionsPerPeer()}: no limit of its own. */
  public static final int DEFAULT_MAX_CONNECTIONS_PER_PEER = Integer.MAX_VALUE;
  /** The default {@link #idleTimeout()}. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
  /** The default {@link #closeTimeout()}. */
  public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(5);
  /** The default {@link #whenFull()}. */
  public static final WhenFull DEFAULT_WHEN_FULL = WhenFull.WAIT;

  private final String name;
  private final int maxConnections;
  private final int maxConnectionsPerPeer;
  private final Duration idleTimeout;
  private final Duration closeTimeout;
  private final WhenFull whenFull;
  private final Refuser refuser;
  private final PeerIdentity peerIdentity;

  private StreamServerConfig(Builder builder) {
    this.name = builder.name;
    this.maxConnections = builder.maxConnections;
    this.maxConnectionsPerPeer = builder.maxConnectionsPerPeer;
    this.idleTimeout = builder.idleTimeout;
    this.closeTimeout = builder.closeTimeout;
    this.whenFull = builder.whenFull;
    this.refuser = builder.refuser;
    this.peerIdentity = builder.peerIdentity;
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
   * Returns the configuration with every default.
   *
   * @return {@value #DEFAULT_MAX_CONNECTIONS} connections, 30 s idle timeout, waiting when full
   */
  public static StreamServerConfig defaults() {
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
   * Returns the name of the threads and log lines, e.g. {@code wrap-server}.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns how many connections are served at once.
   *
   * @return at least 1
   */
  public int maxConnections() {
    return maxConnections;
  }

  /**
   * Returns how many connections one peer (as {@link #peerIdentity()} tells peers apart) may
   * have at once; one more is refused.
   *
   * @return at least 1; {@link Integer#MAX_VALUE} for no limit beyond {@link #maxConnections()}
   */
  public int maxConnectionsPerPeer() {
    return maxConnectionsPerPeer;
  }

  /**
   * Returns how long a connection may make no progress (see {@link Connection#touch()}) before
   * the server interrupts it with {@link Connection.Interruption#IDLE}.
   *
   * @return a positive duration
   */
  public Duration idleTimeout() {
    return idleTimeout;
  }

  /**
   * Returns how long {@link StreamServer#close()} waits for the handlers to return after
   * interrupting them, before it closes their channels under them.
   *
   * @return zero or more
   */
  public Duration closeTimeout() {
    return closeTimeout;
  }

  /**
   * Returns what happens to a client over {@link #maxConnections()}.
   *
   * @return wait or refuse
   */
  public WhenFull whenFull() {
    return whenFull;
  }

  /**
   * Returns what is done to a refused client before it is closed.
   *
   * @return the refuser
   */
  public Refuser refuser() {
    return refuser;
  }

  /**
   * Returns how peers are told apart for {@link #maxConnectionsPerPeer()}.
   *
   * @return the identity function
   */
  public PeerIdentity peerIdentity() {
    return peerIdentity;
  }

  @Override
  public String toString() {
    return "StreamServerConfig[name=" + name + ", maxConnections=" + maxConnections
        + ", maxConnectionsPerPeer=" + maxConnectionsPerPeer + ", idleTimeout=" + idleTimeout
        + ", closeTimeout=" + closeTimeout + ", whenFull=" + whenFull + "]";
  }

  /** Collects the values of a {@link StreamServerConfig}; {@link #build()} checks them. */
  public static final class Builder {

    private String name = DEFAULT_NAME;
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;
    private int maxConnectionsPerPeer = DEFAULT_MAX_CONNECTIONS_PER_PEER;
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;
    private WhenFull whenFull = DEFAULT_WHEN_FULL;
    private Refuser refuser = Refuser.SILENT;
    private PeerIdentity peerIdentity = PeerIdentity.BY_ADDRESS;

    private Builder() {
    }

    private Builder(StreamServerConfig config) {
      this.name = config.name;
      this.maxConnections = config.maxConnections;
      this.maxConnectionsPerPeer = config.maxConnectionsPerPeer;
      this.idleTimeout = config.idleTimeout;
      this.closeTimeout = config.closeTimeout;
      this.whenFull = config.whenFull;
      this.refuser = config.refuser;
      this.peerIdentity = config.peerIdentity;
    }

    /**
     * Sets the name of threads and log lines; default {@value StreamServerConfig#DEFAULT_NAME}.
     *
     * @param name not empty
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets how many connections are served at once; default
     * {@value StreamServerConfig#DEFAULT_MAX_CONNECTIONS}.
     *
     * @param connections at least 1
     * @return this builder
     */
    public Builder maxConnections(int connections) {
      this.maxConnections = connections;
      return this;
    }

    /**
     * Sets how many connections one peer may have at once; default no limit of its own.
     *
     * @param connections at least 1
     * @return this builder
     */
    public Builder maxConnectionsPerPeer(int connections) {
      this.maxConnectionsPerPeer = connections;
      return this;
    }

    /**
     * Sets how long a connection may make no progress; default 30 s.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = timeout;
      return this;
    }

    /**
     * Sets how long {@link StreamServer#close()} waits for handlers; default 5 s.
     *
     * @param timeout zero or more
     * @return this builder
     */
    public Builder closeTimeout(Duration timeout) {
      this.closeTimeout = timeout;
      return this;
    }

    /**
     * Sets what happens to a client over the connection limit; default
     * {@link WhenFull#WAIT}.
     *
     * @param whenFull wait or refuse
     * @return this builder
     */
    public Builder whenFull(WhenFull whenFull) {
      this.whenFull = whenFull;
      return this;
    }

    /**
     * Sets what is done to a refused client before it is closed (a reply, say); default
     * nothing.
     *
     * @param refuser the refuser
     * @return this builder
     */
    public Builder refuser(Refuser refuser) {
      this.refuser = refuser;
      return this;
    }

    /**
     * Sets how peers are told apart; default {@link PeerIdentity#BY_ADDRESS}.
     *
     * @param identity the identity function
     * @return this builder
     */
    public Builder peerIdentity(PeerIdentity identity) {
      this.peerIdentity = identity;
      return this;
    }

    /**
     * Checks the values and builds the configuration.
     *
     * @return the configuration
     * @throws IllegalArgumentException naming the first value out of range, e.g.
     *     {@code maxConnections : 0 (expected: > 0)}
     * @throws NullPointerException naming a missing value
     */
    public StreamServerConfig build() {
      Objects.requireNonNull(name, "name");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("name : \"\" (expected: not empty)");
      }
      Arguments.checkPositive(maxConnections, "maxConnections");
      Arguments.checkPositive(maxConnectionsPerPeer, "maxConnectionsPerPeer");
      Arguments.checkPositive(idleTimeout, "idleTimeout");
      Arguments.checkPositiveOrZero(closeTimeout, "closeTimeout");
      Objects.requireNonNull(whenFull, "whenFull");
      Objects.requireNonNull(refuser, "refuser");
      Objects.requireNonNull(peerIdentity, "peerIdentity");
      return new StreamServerConfig(this);
    }
  }
}
