package dev.netkit.travesty.server;

import dev.netkit.codec.LineEncoder;
import dev.netkit.codec.StatusReply;
import dev.netkit.codec.travesty.TravestyReplies;
import dev.netkit.server.Binder;
import dev.netkit.server.Connection;
import dev.netkit.server.Refusal;
import dev.netkit.server.StreamServer;
import dev.netkit.server.StreamServerConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Objects;

/**
 * The travesty server of the book's figure 17.6: a line-protocol server in which every client
 * analyses text into its own Markov model and generates travesties from it, and can abort an
 * upload or a generation with TCP urgent data. The protocol and its urgent-data exchanges are
 * described in the {@linkplain dev.netkit.travesty.protocol protocol package}.
 *
 * <pre>{@code
 * TravestyServerConfig config = TravestyServerConfig.builder().port(0).build();
 * try (TravestyServer server = new TravestyServer(config).start()) {
 *   InetSocketAddress address = server.localAddress();
 *   ...
 * }
 * }</pre>
 *
 * <p><b>Threads.</b> The book forks a process per client; this server runs on netkit's stream
 * server core ({@link StreamServer}): a platform thread per client (at most
 * {@link StreamServerConfig#maxConnections()} of
 * {@link TravestyServerConfig#connections()}), plus one accepting thread and one watchdog that
 * ends idle sessions. A slow or stalled client blocks only its own thread, and the idle timeout
 * ends it. A session that fails, even with an {@link Error}, frees its words and its place and
 * the server goes on.
 *
 * <p><b>Limits</b> (each in {@link TravestyServerConfig}; a client cannot crash the server or
 * exhaust its memory): line length (commands and uploaded lines), upload size, words per model,
 * words of all models together (the memory of a model grows with its words, up to about
 * {@value TravestyServerConfig#BYTES_PER_WORD} bytes each), words per GENERATE, clients at once
 * (in all and from one address), idle time, time for one line. The word budgets default to a
 * share of the heap, and a session that runs out of heap anyway ({@link OutOfMemoryError}) frees
 * its model and is answered like one over a budget. Over a limit the client gets a reply that
 * says which (a 5xx code, or {@code 421} and a closed connection when too many clients are
 * connected, or a line took too long). An upload over a limit is drained to its end (or its
 * urgent mark) and answered {@code 552 ...; processed N words}, the model keeping what was
 * analysed before the limit; an upload over twice its size limit (counted in bytes, so one line
 * that never ends counts too) is answered and the connection closed. A client that half-closes
 * during an upload is answered before the connection is closed.
 */
public final class TravestyServer implements AutoCloseable {

  private final TravestyServerConfig config;
  private final WordBudget budget;
  private final StreamServer server;

  /**
   * Creates a server; {@link #start()} binds it.
   *
   * @param config where to listen and the limits
   */
  public TravestyServer(TravestyServerConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.budget = new WordBudget(config.maxTotalWords());
    StreamServerConfig limits = config.connections();
    StreamServerConfig connections = limits.toBuilder()
        .maxConnectionsPerPeer(Math.min(limits.maxConnectionsPerPeer(), limits.maxConnections()))
        .refuser(TravestyServer::refuse)
        .build();
    this.server = new StreamServer(connections,
        Binder.to(config.bindAddress(), config.backlog()), this::serve);
  }

  /**
   * Binds the port and starts accepting clients.
   *
   * @return this server
   * @throws IOException when the port cannot be bound (e.g. a {@link java.net.BindException})
   * @throws IllegalStateException when started before
   */
  public TravestyServer start() throws IOException {
    server.start(); // logs "travesty: listening on ADDRESS" at INFO
    return this;
  }

  /**
   * Returns the address the server is bound to (with the actual port when built with port 0).
   *
   * @return the local address
   * @throws IllegalStateException before {@link #start()}
   */
  public InetSocketAddress localAddress() {
    return (InetSocketAddress) server.localAddress();
  }

  /**
   * Returns the configuration the server was built with.
   *
   * @return the configuration
   */
  public TravestyServerConfig config() {
    return config;
  }

  /**
   * Returns a snapshot of the server's counters: sessions, and the words all models hold.
   *
   * @return the counters now
   */
  public TravestyServerStats stats() {
    return new TravestyServerStats(server.stats(), budget.used());
  }

  /**
   * Stops accepting, ends every session (their connections are shut down) and waits up to
   * {@link StreamServerConfig#closeTimeout()} of {@link TravestyServerConfig#connections()} (5 s
   * by default) for their threads. Later calls do nothing.
   */
  @Override
  public void close() {
    server.close();
  }

  private void serve(Connection connection) {
    new Session(connection, config, budget).run();
  }

  /** The core's refuser: {@code 421} with the limit, then the core closes the connection. */
  private static void refuse(SocketChannel channel, Refusal refusal) throws IOException {
    StatusReply reply = TravestyReplies.tooManyClients(refusal.limit(),
        refusal.reason() != Refusal.Reason.SERVER_FULL);
    channel.write(ByteBuffer.wrap(LineEncoder.encode(reply.format())));
  }
}
