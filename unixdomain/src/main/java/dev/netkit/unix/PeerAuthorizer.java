package dev.netkit.unix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides, from the kernel's peer credentials, whether a server serves a peer. Servers apply it
 * right after accepting (stream) or receiving (datagram), before reading a request; a refused
 * stream peer is disconnected, a refused datagram is dropped. Socket-file permissions are the
 * first line of defence, this is the second.
 */
@FunctionalInterface
public interface PeerAuthorizer {

  /**
   * Decides about one peer.
   *
   * @param peer the peer's credentials
   * @return true to serve it
   */
  boolean authorize(PeerCredentials peer);

  /**
   * Serves everyone who can reach the socket file (the book's behaviour).
   *
   * @return an authorizer that always says yes
   */
  static PeerAuthorizer allowAll() {
    return peer -> true;
  }

  /**
   * Serves only peers running as one of the given users.
   *
   * @param uids the allowed user ids
   * @return the allow-list authorizer
   */
  static PeerAuthorizer allowUids(int... uids) {
    Set<Integer> allowed = Arrays.stream(uids).boxed().collect(Collectors.toUnmodifiableSet());
    return peer -> allowed.contains(peer.uid());
  }

  /**
   * Serves only peers running as the same user as this process.
   *
   * @return the authorizer
   * @throws UncheckedIOException if this process's user id cannot be read
   */
  static PeerAuthorizer sameUser() {
    try {
      return allowUids(PeerCredentials.currentUid());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
