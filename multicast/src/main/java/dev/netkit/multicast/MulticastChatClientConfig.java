package dev.netkit.multicast;

import static dev.netkit.codec.Arguments.checkPort;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a {@link MulticastChatClient} finds and joins its groups: the data port (the one
 * SET_MCAST_PORT announces, or a fixed one like the book's client) and the interface it joins
 * on. Immutable; start from {@link #defaults()} or {@link #builder()}.
 *
 * <pre>
 *   MulticastChatClientConfig booksClient = MulticastChatClientConfig.builder().fixedPort(2028)
 *       .build();
 * </pre>
 */
public final class MulticastChatClientConfig {

  private final OptionalInt fixedPort;
  private final Optional<String> joinInterface;

  private MulticastChatClientConfig(Builder builder) {
    this.fixedPort = builder.fixed ? OptionalInt.of(builder.fixedPort) : OptionalInt.empty();
    this.joinInterface = Optional.ofNullable(builder.joinInterface);
  }

  /**
   * Returns the settings of a client that follows SET_MCAST_PORT and joins on the default
   * interface.
   *
   * @return the defaults
   */
  public static MulticastChatClientConfig defaults() {
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
    Builder builder = builder().joinInterface(joinInterface.orElse(null));
    fixedPort.ifPresent(builder::fixedPort);
    return builder;
  }

  /**
   * Returns the data port bound at once, ignoring SET_MCAST_PORT (the book's client).
   *
   * @return the port, or empty (the default) to follow SET_MCAST_PORT
   */
  public OptionalInt fixedPort() {
    return fixedPort;
  }

  /**
   * Returns the interface the client joins groups on.
   *
   * @return its name, or empty (the default) for {@link MulticastInterfaces#defaultFor}
   */
  public Optional<String> joinInterface() {
    return joinInterface;
  }

  /**
   * Collects the settings of a {@link MulticastChatClientConfig}; {@link #build()} checks them.
   */
  public static final class Builder {
    private int fixedPort;
    private boolean fixed;
    private String joinInterface;

    private Builder() {
    }

    /**
     * Binds the data port at once and ignores SET_MCAST_PORT, like the book's client.
     *
     * @param port 1-65535
     * @return this builder
     */
    public Builder fixedPort(int port) {
      this.fixedPort = port;
      this.fixed = true;
      return this;
    }

    /**
     * Follows SET_MCAST_PORT (the default), undoing {@link #fixedPort(int)}.
     *
     * @return this builder
     */
    public Builder followServer() {
      this.fixedPort = 0;
      this.fixed = false;
      return this;
    }

    /**
     * Sets the interface to join groups on.
     *
     * @param name the interface name (checked when the client opens), or null for the default
     * @return this builder
     */
    public Builder joinInterface(String name) {
      this.joinInterface = name;
      return this;
    }

    /**
     * Checks the settings and builds the configuration.
     *
     * @return the immutable configuration
     * @throws IllegalArgumentException if the fixed port is not 1-65535
     */
    public MulticastChatClientConfig build() {
      if (fixed) {
        checkPort(fixedPort, "fixedPort");
      }
      return new MulticastChatClientConfig(this);
    }
  }
}
