package dev.netkit.server;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connections a server serves, and how many each peer has: the one place where a new
 * connection is admitted against the limits. Thread-safe.
 */
final class ConnectionTable {

  private final int maxConnections;
  private final int maxPerPeer;
  private final Set<Connection> active = ConcurrentHashMap.newKeySet();
  private final Map<Object, Integer> perPeer = new HashMap<>();

  ConnectionTable(int maxConnections, int maxPerPeer) {
    this.maxConnections = maxConnections;
    this.maxPerPeer = maxPerPeer;
  }

  /** Adds the connection, or returns the limit it hits (and adds nothing). */
  synchronized Refusal admit(Connection connection) {
    if (active.size() >= maxConnections) {
      return new Refusal(Refusal.Reason.SERVER_FULL, maxConnections);
    }
    int fromPeer = perPeer.getOrDefault(connection.peer(), 0);
    if (fromPeer >= maxPerPeer) {
      return new Refusal(Refusal.Reason.PEER_FULL, maxPerPeer);
    }
    perPeer.put(connection.peer(), fromPeer + 1);
    active.add(connection);
    return null;
  }

  synchronized void remove(Connection connection) {
    if (active.remove(connection)) {
      perPeer.computeIfPresent(connection.peer(), (peer, count) -> count == 1 ? null : count - 1);
    }
  }

  int size() {
    return active.size();
  }

  List<Connection> snapshot() {
    return List.copyOf(active);
  }
}
