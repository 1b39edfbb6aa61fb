package dev.netkit.server;

import java.util.Objects;

/**
 * Why a {@link StreamServer} refused a client, and the limit it hit: what a {@link Refuser} tells
 * the client.
 *
 * @param reason which limit
 * @param limit the limit's value
 */
public record Refusal(Reason reason, int limit) {

  /** The limits a client can hit on arrival. */
  public enum Reason {
    /** The server serves {@link StreamServerConfig#maxConnections()} connections already. */
    SERVER_FULL,
    /** The peer has {@link StreamServerConfig#maxConnectionsPerPeer()} connections already. */
    PEER_FULL
  }

  /**
   * Checks the values.
   *
   * @throws NullPointerException when the reason is missing
   */
  public Refusal {
    Objects.requireNonNull(reason, "reason");
  }
}
