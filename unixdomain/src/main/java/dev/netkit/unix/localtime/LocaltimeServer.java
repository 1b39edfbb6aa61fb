package dev.netkit.unix.localtime;

import dev.netkit.codec.localtime.LocaltimeCodec;
import dev.netkit.server.FirstWarnings;
import dev.netkit.server.ReceiveLoop;
import dev.netkit.unix.AddressInUseException;
import dev.netkit.unix.FileModes;
import dev.netkit.unix.PeerAuthorizer;
import dev.netkit.unix.SocketFile;
import dev.netkit.unix.SocketFileConfig;
import dev.netkit.unix.UnixDatagram;
import dev.netkit.unix.UnixDatagramSocket;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The book's UNIX-domain daytime server (chapter 22): answers each datagram with the time in the
 * zone it names, or the local time (see {@link LocaltimeCodec}). One thread serves requests
 * one after the other, as the book's does (netkit's {@link ReceiveLoop}).
 *
 * <p>Hardening: requests from peers the {@link PeerAuthorizer} refuses (judged by the kernel's
 * credentials of each datagram) and from unbound senders (which cannot be answered) are dropped;
 * a reply goes to the sender's path only when that path is, itself, a socket owned by the uid
 * that sent the request ({@link SocketFile#isSocketOwnedBy}), so a client cannot swap its path
 * for a symbolic link to, or a rename of, another user's socket and have the server (which may
 * run as root) write there; a swap in the instant between that check and the reply is not
 * excluded (the kernel resolves the path again for {@code sendto});
 * an answer waits at most {@link LocaltimeServerConfig#replyTimeout()} for room in the client's
 * queue, so a client that never reads cannot stall the server. The configuration is immutable
 * and read once: nothing done to a builder after {@code build()} changes a server.
 */
public final class LocaltimeServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocaltimeServer.class);
  private final FirstWarnings warnings = new FirstWarnings(LOG);
  private static final String NAME = "localtime-server";

  private final LocaltimeServerConfig config;
  private final SocketFileConfig socketFile;
  private final LocaltimeCodec protocol;
  private UnixDatagramSocket socket;
  private ReceiveLoop loop;

  /**
   * Creates a server; {@link #start()} binds it.
   *
   * @param config the socket file, clock, zone and reply timeout
   */
  public LocaltimeServer(LocaltimeServerConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.socketFile = config.socketFile();
    this.protocol = new LocaltimeCodec(config.clock(), config.localZone());
  }

  /**
   * Binds the socket file and starts answering.
   *
   * @return this server
   * @throws AddressInUseException if a live socket or a file that is not a socket has the path
   * @throws IOException if the socket cannot be bound (see {@link UnixDatagramSocket#bind})
   * @throws IllegalStateException if started before
   */
  public synchronized LocaltimeServer start() throws IOException {
    if (socket != null) {
      throw new IllegalStateException(NAME + " already started");
    }
    UnixDatagramSocket bound = UnixDatagramSocket.open()
        .maxDatagramBytes(LocaltimeCodec.MAX_REQUEST_BYTES)
        .sendTimeout(config.replyTimeout());
    try {
      bound.bind(socketFile.path(), socketFile.permissions());
    } catch (IOException | RuntimeException e) {
      bound.close();
      throw e;
    }
    socket = bound;
    loop = new ReceiveLoop(NAME, bound, () -> !bound.isClosed(),
        () -> answer(bound, bound.receive())).start();
    LOG.info("{}: listening on {} (mode {})", NAME, bound.localPath(),
        FileModes.format(socketFile.permissions()));
    return this;
  }

  /**
   * Returns the socket file's path.
   *
   * @return the absolute path
   * @throws IllegalStateException if not started
   */
  public synchronized Path path() {
    if (socket == null) {
      throw new IllegalStateException(NAME + " not started");
    }
    return socket.localPath();
  }

  /**
   * Returns the configuration the server was built with.
   *
   * @return the configuration
   */
  public LocaltimeServerConfig config() {
    return config;
  }

  /** Stops answering and removes the socket file. Idempotent. */
  @Override
  public synchronized void close() {
    if (loop != null) {
      loop.close();
    }
  }

  private void answer(UnixDatagramSocket bound, UnixDatagram request) {
    if (request.sender() == null || !socketFile.authorizer().authorize(request.sender())) {
      warnings.log("not authorized", "{}: dropped a request from {}: not authorized", NAME,
          request.sender());
      return;
    }
    if (!request.hasSenderAddress()) {
      LOG.debug("{}: dropped a request from an unbound socket: cannot answer it", NAME);
      return;
    }
    if (request.senderPath() != null
        && !SocketFile.isSocketOwnedBy(request.senderPath(), request.sender().uid())) {
      warnings.log("reply path", "{}: dropped a request from {}: its reply path is not a socket"
          + " of uid {}"
          + " (a symbolic link, or another user's file)", NAME, request.senderPath(),
          request.sender().uid());
      return;
    }
    try {
      bound.reply(protocol.answer(request.data(), request.length()), request);
    } catch (IOException e) {
      LOG.debug("{}: could not answer {}: {}", NAME, request, e.toString());
    }
  }
}
