package dev.netkit.travesty.server;

import dev.netkit.codec.LineEncoder;
import dev.netkit.codec.StatusReply;
import dev.netkit.travesty.Travesty;
import dev.netkit.travesty.protocol.TravestyProtocol;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The travesty server of the book's figure 17.6: a line-protocol server in which every client
 * analyses text into its own Markov model and generates travesties from it, and can abort an
 * upload or a generation with TCP urgent data. The protocol and its urgent-data exchanges are
 * described in the {@linkplain dev.netkit.travesty.protocol protocol package}.
 *
 * <pre>{@code
 * try (TravestyServer server = TravestyServer.builder().port(0).build().start()) {
 *   InetSocketAddress address = server.localAddress();
 *   ...
 * }
 * }</pre>
 *
 * <p><b>Threads.</b> The book forks a process per client; this server runs a platform thread per
 * client (at most {@link Builder#maxClients(int)}), plus one accepting thread and one idle
 * checker. A slow or stalled client blocks only its own thread, and the idle timeout ends it.
 *
 * <p><b>Limits</b> (each with a builder method; a client cannot crash the server or exhaust its
 * memory): line length (commands and uploaded lines), upload size, words per model, words of all
 * models together (the memory of a model grows with its words, about 10 to 60 bytes each), words
 * per GENERATE, clients at once, idle time. Over a limit the client gets a reply that says which
 * (a 5xx code, or {@code 421} and a closed connection when too many clients are connected). An
 * upload over a limit is drained to its end (or its urgent mark) and answered {@code 552 ...;
 * processed N words}, the model keeping what was analysed before the limit; an upload over twice
 * its size limit is answered and the connection closed.
 */
public final class TravestyServer implements AutoCloseable {

  /** Default of {@link Builder#maxClients(int)}. */
  public static final int DEFAULT_MAX_CLIENTS = 64;
  /** Default of {@link Builder#maxUploadBytes(long)}: 64 MiB. */
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 64L << 20;
  /** Default of {@link Builder#maxWords(long)}: 8 million words per model. */
  public static final long DEFAULT_MAX_WORDS = 8_000_000;
  /** Default of {@link Builder#maxTotalWords(long)}: 32 million words in all models. */
  public static final long DEFAULT_MAX_TOTAL_WORDS = 32_000_000;
  /** Default of {@link Builder#maxGenerateWords(long)}: 10 million. */
  public static final long DEFAULT_MAX_GENERATE_WORDS = 10_000_000;
  /** Default of {@link Builder#maxLineLength(int)}: 8 KiB. */
  public static final int DEFAULT_MAX_LINE_LENGTH = 8192;
  /** Default of {@link Builder#idleTimeout(Duration)}: 10 minutes. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);
  /** Default of {@link Builder#urgentByteTimeout(Duration)}: 30 seconds. */
  public static final Duration DEFAULT_URGENT_BYTE_TIMEOUT = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(TravestyServer.class);
  private static final int BACKLOG = 50;
  private static final long CLOSE_WAIT_MILLIS = 5_000;

  private final InetSocketAddress bindAddress;
  private final ServerSettings settings;
  private final WordBudget budget;
  private final Set<Session> sessions = ConcurrentHashMap.newKeySet();
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
  private final IdleReaper reaper;
  private ServerSocket listener;
  private Thread acceptor;
  private Thread reaperThread;
  private volatile boolean closed;

  private TravestyServer(Builder builder) {
    this.bindAddress = new InetSocketAddress(builder.address, builder.port);
    this.settings = new ServerSettings(builder.maxClients, builder.maxUploadBytes,
        builder.maxWords, builder.maxTotalWords, builder.maxGenerateWords, builder.maxLineLength,
        builder.idleTimeout, builder.urgentByteTimeout, builder.models);
    this.budget = new WordBudget(builder.maxTotalWords);
    this.reaper = new IdleReaper(builder.idleTimeout);
  }

  /**
   * Starts the configuration of a server.
   *
   * @return a builder with the defaults: all interfaces, port 2007, the limits' defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the port and starts accepting clients.
   *
   * @return this server
   * @throws IOException when the port cannot be bound (e.g. a {@link java.net.BindException})
   * @throws IllegalStateException when started before
   */
  public synchronized TravestyServer start() throws IOException {
    if (listener != null) {
      throw new IllegalStateException("server already started");
    }
    ServerSocket socket = new ServerSocket();
    try {
      socket.setReuseAddress(true);
      socket.bind(bindAddress, BACKLOG);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    listener = socket;
    acceptor = daemon(this::acceptLoop, "travesty-accept-" + socket.getLocalPort());
    reaperThread = daemon(reaper, "travesty-idle-" + socket.getLocalPort());
    LOG.info("travesty server listening on {}", localAddress());
    return this;
  }

  /**
   * Returns the address the server is bound to (with the actual port when built with port 0).
   *
   * @return the local address
   * @throws IllegalStateException before {@link #start()}
   */
  public InetSocketAddress localAddress() {
    ServerSocket socket = listener;
    if (socket == null) {
      throw new IllegalStateException("server not started");
    }
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  /**
   * Returns the number of connected clients.
   *
   * @return sessions running now
   */
  public int activeSessions() {
    return sessions.size();
  }

  /**
   * Returns the number of words that all models together hold, as reserved against
   * {@link Builder#maxTotalWords(long)} (in steps of 65,536 per model).
   *
   * @return the words reserved
   */
  public long reservedWords() {
    return budget.used();
  }

  /**
   * Stops accepting, ends every session (their connections are shut down) and waits up to 5 s
   * for their threads. Later calls do nothing.
   */
  @Override
  public void close() {
    ServerSocket socket;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      socket = listener;
    }
    if (socket == null) {
      return;
    }
    try {
      socket.close();
    } catch (IOException e) {
      LOG.warn("closing the listening socket: {}", e.toString());
    }
    reaper.stop();
    sessions.forEach(Session::shutdown);
    long deadline = System.nanoTime() + CLOSE_WAIT_MILLIS * 1_000_000;
    for (Thread thread : Set.copyOf(threads)) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      try {
        thread.join(Math.max(1, left));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    LOG.info("travesty server on port {} closed", socket.getLocalPort());
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (SocketException e) {
        if (!closed) {
          LOG.warn("accept failed: {}", e.toString());
        }
        return;
      } catch (IOException e) {
        LOG.warn("accept failed: {}", e.toString());
        continue;
      }
      admit(client);
    }
  }

  private void admit(Socket client) {
    if (sessions.size() >= settings.maxClients() || closed) {
      refuse(client);
      return;
    }
    Session session = new Session(client, settings, budget, this::ended);
    sessions.add(session);
    reaper.add(session);
    try {
      daemon(session, "travesty-session-" + client.getPort());
    } catch (OutOfMemoryError e) {
      // No thread for it (a thread limit of the system): end it here.
      sessions.remove(session);
      reaper.remove(session);
      refuse(client);
    }
  }

  private void ended(Session session) {
    sessions.remove(session);
    reaper.remove(session);
    threads.remove(Thread.currentThread());
  }

  private void refuse(Socket client) {
    LOG.warn("{}: refused, {} clients connected (limit: {})", client.getRemoteSocketAddress(),
        sessions.size(), settings.maxClients());
    try (client) {
      client.getOutputStream().write(LineEncoder.encode(new StatusReply(
          TravestyProtocol.TOO_MANY_CLIENTS, "too many clients (limit: " + settings.maxClients()
          + "), try again later").format()));
    } catch (IOException e) {
      LOG.debug("refusing {}: {}", client.getRemoteSocketAddress(), e.toString());
    }
  }

  private Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    threads.add(thread);
    thread.start();
    return thread;
  }

  /** The configuration of a {@link TravestyServer}. Not thread-safe; reusable. */
  public static final class Builder {

    private InetAddress address;
    private int port = TravestyProtocol.DEFAULT_PORT;
    private int maxClients = DEFAULT_MAX_CLIENTS;
    private long maxUploadBytes = DEFAULT_MAX_UPLOAD_BYTES;
    private long maxWords = DEFAULT_MAX_WORDS;
    private long maxTotalWords = DEFAULT_MAX_TOTAL_WORDS;
    private long maxGenerateWords = DEFAULT_MAX_GENERATE_WORDS;
    private int maxLineLength = DEFAULT_MAX_LINE_LENGTH;
    private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
    private Duration urgentByteTimeout = DEFAULT_URGENT_BYTE_TIMEOUT;
    private Supplier<Travesty> models = Travesty::new;

    private Builder() {
    }

    /**
     * Sets the local address to bind.
     *
     * @param address an interface address, e.g. the loopback; null for all interfaces (default)
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
     * @throws IllegalArgumentException when out of range
     */
    public Builder port(int port) {
      this.port = (int) check("port", port, 0, 65_535);
      return this;
    }

    /**
     * Sets how many clients may be connected at once; one more is answered {@code 421} and
     * disconnected.
     *
     * @param maxClients at least 1; default {@value #DEFAULT_MAX_CLIENTS}
     * @return this builder
     * @throws IllegalArgumentException when below 1
     */
    public Builder maxClients(int maxClients) {
      this.maxClients = (int) check("maxClients", maxClients, 1, 100_000);
      return this;
    }

    /**
     * Sets the most bytes one upload may have (lines with their terminators).
     *
     * @param bytes at least 1; default 64 MiB
     * @return this builder
     * @throws IllegalArgumentException when below 1
     */
    public Builder maxUploadBytes(long bytes) {
      this.maxUploadBytes = check("maxUploadBytes", bytes, 1, Long.MAX_VALUE / 4);
      return this;
    }

    /**
     * Sets the most words (repetitions included) one model may analyse. It is checked as the
     * model publishes its statistics during an upload (every 64 KiB of text) and exactly at its
     * end, so a model may hold up to 64 KiB of text beyond it.
     *
     * @param words at least 1; default 8 million
     * @return this builder
     * @throws IllegalArgumentException when below 1
     */
    public Builder maxWords(long words) {
      this.maxWords = check("maxWords", words, 1, Integer.MAX_VALUE);
      return this;
    }

    /**
     * Sets the most words all models together may hold: the bound of the server's memory.
     *
     * @param words at least 1; default 32 million
     * @return this builder
     * @throws IllegalArgumentException when below 1
     */
    public Builder maxTotalWords(long words) {
      this.maxTotalWords = check("maxTotalWords", words, 1, Long.MAX_VALUE / 4);
      return this;
    }

    /**
     * Sets the largest word count of a GENERATE command.
     *
     * @param words at least 1; default 10 million
     * @return this builder
     * @throws IllegalArgumentException when below 1
     */
    public Builder maxGenerateWords(long words) {
      this.maxGenerateWords = check("maxGenerateWords", words, 1, Long.MAX_VALUE);
      return this;
    }

    /**
     * Sets the longest line (command or uploaded text), in bytes without the terminator.
     *
     * @param bytes 16 to 1 MiB; default 8 KiB
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder maxLineLength(int bytes) {
      this.maxLineLength = (int) check("maxLineLength", bytes, 16, 1 << 20);
      return this;
    }

    /**
     * Sets how long a session may move no byte in either direction before it is closed.
     *
     * @param timeout 10 ms to 1 day; default 10 minutes
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = checkDuration("idleTimeout", timeout);
      return this;
    }

    /**
     * Sets how long the server waits at a client's urgent mark for an urgent byte that was
     * announced before it arrived; then the session ends.
     *
     * @param timeout 10 ms to 1 day; default 30 s
     * @return this builder
     * @throws IllegalArgumentException when out of range
     */
    public Builder urgentByteTimeout(Duration timeout) {
      this.urgentByteTimeout = checkDuration("urgentByteTimeout", timeout);
      return this;
    }

    /**
     * Sets how each session's model is made, e.g. with a seed or another width for tests.
     *
     * @param models makes a new, empty model per client; default {@code Travesty::new}
     * @return this builder
     */
    public Builder models(Supplier<Travesty> models) {
      this.models = Objects.requireNonNull(models, "models");
      return this;
    }

    /**
     * Creates the server; {@link TravestyServer#start()} starts it.
     *
     * @return a server, not yet bound
     */
    public TravestyServer build() {
      return new TravestyServer(this);
    }

    private static long check(String name, long value, long min, long max) {
      if (value < min || value > max) {
        throw new IllegalArgumentException(name + " : " + value + " (expected: " + min + "-"
            + max + ")");
      }
      return value;
    }

    private static Duration checkDuration(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.toMillis() < 10 || value.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException(name + " : " + value + " (expected: 10 ms to 1 day)");
      }
      return value;
    }
  }
}
