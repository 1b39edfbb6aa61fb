package dev.netkit.chat.server;

/**
 * The server's running counts, written by its thread only and published as
 * {@link ChatServerStats}.
 */
final class Counters {
  long datagramsReceived;
  long datagramsDropped;
  long errorsSent;
  long errorsRateLimited;
  long sendFailures;
  long autoLogouts;
  long refusedSources;
  long repliesRateLimited;
}
