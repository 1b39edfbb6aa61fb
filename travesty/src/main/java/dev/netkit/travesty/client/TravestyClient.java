package dev.netkit.travesty.client;

import dev.netkit.codec.DotStuffing;
import dev.netkit.codec.LineEncoder;
import dev.netkit.codec.ProtocolException;
import dev.netkit.codec.StatusReply;
import dev.netkit.codec.travesty.TravestyCommand;
import dev.netkit.codec.travesty.TravestyProtocol;
import dev.netkit.codec.travesty.TravestyReplies;
import dev.netkit.travesty.protocol.UrgentLineReader;
import dev.netkit.travesty.protocol.UrgentLineReader.Input;
import dev.netkit.urgent.UrgentSocket;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of the travesty server (the book's figure 17.7 without its user interface): uploads
 * text to analyse, streams generated text, and aborts either with TCP urgent data, from any
 * thread, through {@link #abort()} (the CLI calls it on Ctrl-C). The exchanges are drawn in the
 * {@linkplain dev.netkit.travesty.protocol protocol package}.
 *
 * <pre>{@code
 * try (TravestyClient client = TravestyClient.connect(new InetSocketAddress("localhost", 2007))) {
 *   UploadResult upload = client.analyze(Path.of("ch17.txt"), UploadProgress.NONE);
 *   client.generate(100, System.out::println);
 *   client.bye();
 * }
 * }</pre>
 *
 * <p><b>Aborts.</b> During an upload, {@link #abort()} makes the uploading thread send the
 * urgent byte instead of the terminating dot, after the write in progress (a write of at most
 * 16 KiB of text): so the mark never falls inside the text already handed to the socket, and
 * the upload's latency to stop is one write. During a generation it sends the urgent byte at
 * once; the generating thread stops handing lines to its consumer, discards everything up to
 * the server's urgent mark, and returns. The server answers every urgent byte outside an upload
 * with its own, so this is deterministic with netkit's server; with a server that ignores an
 * abort arriving after its generation ended (the book's), the wait for the mark ends after
 * {@link #DEFAULT_MARK_TIMEOUT} once the end of the text was seen, and a mark arriving later is
 * skipped before the next reply.
 *
 * <p><b>Failures.</b> An {@code IOException} or a {@link ProtocolException} during a command
 * (including one from reading the text to upload) or an exception from a line consumer leaves
 * the session in an unknown state: close the client.
 *
 * <p><b>Threads.</b> One thread runs the commands ({@code analyze}, {@code generate},
 * {@code reset}, {@code bye}), one at a time; {@link #abort()} and {@link #close()} may be called
 * from any thread.
 */
public final class TravestyClient implements AutoCloseable {

  /** How long to wait for the server's urgent mark once its text has ended: 5 s. */
  public static final Duration DEFAULT_MARK_TIMEOUT = Duration.ofSeconds(5);
  /** How long to connect at most: 10 s. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private static final Logger LOG = LoggerFactory.getLogger(TravestyClient.class);
  private static final int MAX_REPLY_LINE = 64 * 1024;
  private static final int UPLOAD_CHUNK_BYTES = 16 * 1024;
  private static final Duration URGENT_BYTE_TIMEOUT = Duration.ofSeconds(30);

  private enum State { IDLE, UPLOADING, GENERATING, ABORTING }

  private final Socket socket;
  private final UrgentSocket urgent;
  private final UrgentLineReader reader;
  private final OutputStream out;
  private final StatusReply banner;
  private final Object lock = new Object();
  private State state = State.IDLE;
  private boolean uploadAbortRequested;
  private Duration markTimeout = DEFAULT_MARK_TIMEOUT;

  private TravestyClient(Socket socket) throws IOException {
    this.socket = socket;
    this.urgent = UrgentSocket.of(socket);
    this.reader = new UrgentLineReader(socket, MAX_REPLY_LINE);
    this.out = socket.getOutputStream();
    this.banner = readReply();
    if (banner.code() != TravestyProtocol.BANNER) {
      throw new IOException("server refused the connection: " + banner.format());
    }
  }

  /**
   * Connects and reads the server's banner.
   *
   * @param server the server's address
   * @return a connected client
   * @throws IOException when the connection fails, or the server does not greet with
   *     {@code 100} (e.g. {@code 421 too many clients})
   * @throws ProtocolException when the banner is not a status reply
   * @throws UnsupportedOperationException when netkit's native library is not available (see
   *     {@link dev.netkit.urgent.UrgentSocket#of(Socket)}; the message says why)
   */
  public static TravestyClient connect(InetSocketAddress server) throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(server, (int) DEFAULT_CONNECT_TIMEOUT.toMillis());
      return new TravestyClient(socket);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  /**
   * Returns the server's banner.
   *
   * @return e.g. {@code 100 Travesty server version 1.0}
   */
  public StatusReply banner() {
    return banner;
  }

  /**
   * Sets how long to wait for the server's urgent mark after an aborted generation once the end
   * of its text was seen.
   *
   * @param timeout at least 1 ms
   * @throws IllegalArgumentException when shorter
   */
  public void setMarkTimeout(Duration timeout) {
    if (timeout.toMillis() < 1) {
      throw new IllegalArgumentException("markTimeout : " + timeout + " (expected: >= 1 ms)");
    }
    this.markTimeout = timeout;
  }

  /**
   * Uploads a file for analysis; the server starts from an empty model.
   *
   * @param file the text
   * @param progress hears how much was sent
   * @return the server's reply, with its word count
   * @throws IOException when the file cannot be read (before anything is sent), or the
   *     connection fails
   */
  public UploadResult analyze(Path file, UploadProgress progress) throws IOException {
    long size = Files.size(file);
    try (InputStream in = Files.newInputStream(file)) {
      return analyze(in, size, progress);
    }
  }

  /**
   * Uploads a text for analysis; the server starts from an empty model. The stream is read to
   * its end (or until aborted) and not closed.
   *
   * @param text the text's bytes (UTF-8, or any ASCII-compatible encoding)
   * @param size the size of the text for {@code progress}, or -1
   * @param progress hears how much was sent
   * @return the server's reply, with its word count
   * @throws IOException when reading the text or the connection fails
   */
  public UploadResult analyze(InputStream text, long size, UploadProgress progress)
      throws IOException {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(progress, "progress");
    send(new TravestyCommand.Data());
    StatusReply go = readReply();
    if (go.code() != TravestyProtocol.SEND_DATA) {
      return new UploadResult(go, -1, false, 0);
    }
    setState(State.UPLOADING);
    boolean aborted;
    long[] sent = {0};
    try {
      ByteArrayOutputStream pending = new ByteArrayOutputStream(UPLOAD_CHUNK_BYTES * 2);
      UploadLines lines = new UploadLines(pending);
      UploadLines.copy(text, lines, new byte[UPLOAD_CHUNK_BYTES], n -> {
        pending.writeTo(out);
        pending.reset();
        sent[0] += n;
        progress.sent(sent[0], size);
        return !uploadAbortRequested();
      });
      aborted = uploadAbortRequested();
      if (aborted) {
        urgent.sendUrgent(TravestyProtocol.URGENT_BYTE);
      } else {
        pending.writeTo(out);
        out.write(LineEncoder.encode(DotStuffing.TERMINATOR));
      }
    } finally {
      setState(State.IDLE);
    }
    StatusReply reply = readReply();
    return new UploadResult(reply, TravestyReplies.processedWords(reply).orElse(-1), aborted,
        sent[0]);
  }

  /**
   * Asks for {@code words} words of travesty and hands each line to {@code lines} as it
   * arrives, until the end of the text or an {@link #abort()}.
   *
   * @param words how many words, at least 0 (the server has a limit, 10 million by default)
   * @param lines receives each line of text, unstuffed, without terminator
   * @return the server's reply and what happened
   * @throws IllegalArgumentException when {@code words} is negative
   * @throws IOException when the connection fails or ends
   */
  public GenerationResult generate(long words, Consumer<String> lines) throws IOException {
    if (words < 0) {
      throw new IllegalArgumentException("words : " + words + " (expected: >= 0)");
    }
    Objects.requireNonNull(lines, "lines");
    send(new TravestyCommand.Generate(words));
    setState(State.GENERATING);
    try {
      return receiveText(lines);
    } finally {
      reader.setTimeout(Duration.ZERO);
      setState(State.IDLE);
    }
  }

  private GenerationResult receiveText(Consumer<String> lines) throws IOException {
    StatusReply reply = null;
    long delivered = 0;
    long dropped = 0;
    while (true) {
      Input input;
      try {
        input = reader.nextRawLine();
      } catch (SocketTimeoutException e) {
        if (!isAborting()) {
          throw e;
        }
        // Only set after the end of the text: the server ignored the abort (see class doc).
        LOG.warn("no urgent mark within {} ms after an aborted generation; going on",
            markTimeout.toMillis());
        return new GenerationResult(reply, delivered, true, dropped);
      }
      if (input.kind() == Input.Kind.END) {
        throw new EOFException("server closed the connection during GENERATE");
      }
      if (input.kind() == Input.Kind.URGENT) {
        long discarded = dropped + reader.skipToMark(URGENT_BYTE_TIMEOUT);
        LOG.debug("discarded {} bytes up to the server's urgent mark", discarded);
        return new GenerationResult(reply, delivered, true, discarded);
      }
      String line = new String(input.bytes(), StandardCharsets.UTF_8);
      boolean aborting = isAborting();
      if (aborting) {
        dropped += input.bytes().length + 2;
      }
      if (reply == null) {
        reply = StatusReply.parse(line);
        if (reply.code() != TravestyProtocol.TRAVESTY_FOLLOWS && endOfText(aborting)) {
          return new GenerationResult(reply, 0, false, 0);
        }
      } else if (DotStuffing.isTerminator(line)) {
        if (endOfText(aborting)) {
          return new GenerationResult(reply, delivered, false, 0);
        }
      } else if (!aborting) {
        lines.accept(DotStuffing.unstuff(line));
        delivered++;
      }
    }
  }

  /**
   * The text (or an error reply) ended: true when that is the end of the command; false when an
   * abort is on its way, so the server's mark is still to come (bounded by the mark timeout).
   */
  private boolean endOfText(boolean aborting) {
    synchronized (lock) {
      if (state == State.GENERATING) {
        state = State.IDLE;
        return true;
      }
    }
    reader.setTimeout(markTimeout);
    return false;
  }

  /**
   * Forgets everything analysed.
   *
   * @return the reply, {@code 205 travesty reset}
   * @throws IOException when the connection fails
   */
  public StatusReply reset() throws IOException {
    send(new TravestyCommand.Reset());
    return readReply();
  }

  /**
   * Says goodbye; the server closes the connection. Close the client afterwards.
   *
   * @return the reply, {@code 204 goodbye}
   * @throws IOException when the connection fails
   */
  public StatusReply bye() throws IOException {
    send(new TravestyCommand.Bye());
    return readReply();
  }

  /**
   * Aborts the upload or generation in progress with urgent data; callable from any thread
   * (a signal handler, a test). Does nothing between commands.
   *
   * @return true when an upload or generation was running and is being aborted
   * @throws IOException when the urgent byte cannot be sent
   */
  public boolean abort() throws IOException {
    synchronized (lock) {
      switch (state) {
        case UPLOADING:
          uploadAbortRequested = true;
          return true;
        case GENERATING:
          state = State.ABORTING;
          urgent.sendUrgent(TravestyProtocol.URGENT_BYTE);
          return true;
        default:
          return false;
      }
    }
  }

  /** Closes the connection (without BYE); a command running on another thread then fails. */
  @Override
  public void close() throws IOException {
    socket.close();
  }

  private boolean uploadAbortRequested() {
    synchronized (lock) {
      return uploadAbortRequested;
    }
  }

  private boolean isAborting() {
    synchronized (lock) {
      return state == State.ABORTING;
    }
  }

  private void setState(State next) {
    synchronized (lock) {
      state = next;
      uploadAbortRequested = false;
    }
  }

  private void send(TravestyCommand command) throws IOException {
    out.write(LineEncoder.encode(command.format()));
  }

  /** Reads a status reply; a late urgent mark of an earlier abort is skipped first. */
  private StatusReply readReply() throws IOException {
    while (true) {
      Input input = reader.nextLine();
      switch (input.kind()) {
        case END:
          throw new EOFException("server closed the connection");
        case URGENT:
          LOG.debug("skipped {} bytes to a late urgent mark", reader.skipToMark(
              URGENT_BYTE_TIMEOUT));
          break;
        default:
          return StatusReply.parse(input.text());
      }
    }
  }
}
