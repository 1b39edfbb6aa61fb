package dev.netkit.travesty.server;

import dev.netkit.codec.DotBlockEncoder;
import dev.netkit.codec.DotStuffing;
import dev.netkit.codec.LineEncoder;
import dev.netkit.codec.MalformedTextException;
import dev.netkit.codec.ProtocolException;
import dev.netkit.codec.StatusReply;
import dev.netkit.codec.TooLongFrameException;
import dev.netkit.codec.travesty.TravestyCommand;
import dev.netkit.codec.travesty.TravestyCommandParser;
import dev.netkit.codec.travesty.TravestyProtocol;
import dev.netkit.codec.travesty.TravestyReplies;
import dev.netkit.codec.travesty.UnknownCommandException;
import dev.netkit.codec.travesty.WordCountException;
import dev.netkit.server.Connection;
import dev.netkit.server.GracefulClose;
import dev.netkit.travesty.Travesty;
import dev.netkit.travesty.protocol.LineTimeoutException;
import dev.netkit.travesty.protocol.ReadDeadlineException;
import dev.netkit.travesty.protocol.ReadLimitException;
import dev.netkit.travesty.protocol.UrgentLineReader;
import dev.netkit.travesty.protocol.UrgentLineReader.Input;
import dev.netkit.urgent.UrgentSocket;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's session, on the thread the server core gives its connection: the command loop of
 * the book's {@code handle_connection()}, with the model of this client only. Everything the
 * client sends is bounded by the server's limits; every failure ends this session only, and
 * frees the words its model reserved. The core watches {@link #progress()} for the idle timeout
 * and, to end the session, shuts the connection down (never closes it under this thread).
 */
final class Session {

  private static final Logger LOG = LoggerFactory.getLogger(Session.class);
  /** How long input is read and discarded after a last reply, before the connection closes. */
  private static final Duration LINGER = Duration.ofSeconds(2);
  /** How many bytes are read and discarded after a last reply, at most. */
  private static final long LINGER_BYTES = 4L << 20;

  private final Connection connection;
  private final Socket socket;
  private final TravestyServerConfig settings;
  private final WordBudget budget;
  private final String peer;
  private final TravestyCommandParser parser;
  private Travesty model;
  private volatile UrgentLineReader reader;
  private OutputStream out;
  private long reservedWords;
  private volatile long bytesWritten;

  Session(Connection connection, TravestyServerConfig settings, WordBudget budget) {
    this.connection = connection;
    this.socket = connection.channel().socket();
    this.settings = settings;
    this.budget = budget;
    this.peer = String.valueOf(connection.remoteAddress());
    this.parser = new TravestyCommandParser(settings.maxGenerateWords());
  }

  /**
   * Serves the client to its end. Running out of heap frees the model first, then tries to tell
   * the client; another failure other than an {@link IOException} (a bug) goes to the server
   * core, which logs it and closes the connection.
   */
  void run() {
    connection.watchProgress(this::progress);
    try {
      reader = new UrgentLineReader(socket, settings.maxLineLength());
      reader.setLineTimeout(settings.lineTimeout());
      out = socket.getOutputStream();
      model = settings.models().get();
      LOG.info("{}: connected", peer);
      reply(TravestyReplies.banner());
      commands();
      LOG.info("{}: session ended", peer);
    } catch (LineTimeoutException e) {
      LOG.info("{}: session ended: {}", peer, e.getMessage());
      replyQuietly(TravestyReplies.lineTimeout(settings.lineTimeout().toMillis()));
      lingerAfterLastReply();
    } catch (IOException e) {
      LOG.info("{}: session ended: {}", peer, e.toString());
    } catch (OutOfMemoryError e) {
      // Free the model before anything else: the reply itself needs a little heap.
      model = null;
      releaseWords();
      LOG.warn("{}: session ended: the server ran out of heap", peer);
      replyQuietly(TravestyReplies.outOfMemory());
    } finally {
      model = null;
      releaseWords();
    }
  }

  /**
   * Lets a last reply reach a client that is still sending: the server core's
   * {@link GracefulClose} half-closes, then discards what comes for at most {@link #LINGER} (and
   * {@link #LINGER_BYTES}). Closing with unread input would send a reset, and a reset makes the
   * client's system drop the reply unread.
   */
  private void lingerAfterLastReply() {
    long discarded = GracefulClose.afterReply(connection, LINGER, LINGER_BYTES);
    LOG.debug("{}: discarded {} bytes after the last reply", peer, discarded);
  }

  /** A last reply before the session ends; a failure to send it only ends the session. */
  private void replyQuietly(StatusReply last) {
    try {
      if (out != null) {
        reply(last);
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("{}: last reply not sent: {}", peer, e.toString());
    }
  }

  /** Bytes moved in either direction so far; the server core's idle check watches it. */
  private long progress() {
    UrgentLineReader r = reader;
    return bytesWritten + (r == null ? 0 : r.bytesRead());
  }

  private void commands() throws IOException {
    while (true) {
      Input input;
      try {
        input = reader.nextLine();
      } catch (TooLongFrameException e) {
        reply(TravestyReplies.commandTooLong(settings.maxLineLength()));
        continue;
      } catch (MalformedTextException e) {
        reply(TravestyReplies.unknownCommand());
        continue;
      }
      switch (input.kind()) {
        case END:
          return;
        case URGENT:
          answerUrgent();
          break;
        default:
          if (!execute(input.text())) {
            return;
          }
      }
    }
  }

  /** Runs one command; false after BYE. */
  private boolean execute(String line) throws IOException {
    LOG.debug("{}: command {}", peer, ProtocolException.quote(line));
    TravestyCommand command;
    try {
      command = parser.parse(line);
    } catch (UnknownCommandException e) {
      reply(TravestyReplies.unknownCommand());
      return true;
    } catch (WordCountException e) {
      reply(TravestyReplies.badArgument(e));
      return true;
    }
    if (command instanceof TravestyCommand.Data) {
      upload();
    } else if (command instanceof TravestyCommand.Reset) {
      resetModel();
      reply(TravestyReplies.resetDone());
    } else if (command instanceof TravestyCommand.Generate generate) {
      generate(generate.words());
    } else { // Bye
      reply(TravestyReplies.goodbye());
      return false;
    }
    return true;
  }

  // ---- DATA -------------------------------------------------------------------------------------

  private void upload() throws IOException {
    resetModel();
    reply(TravestyReplies.sendData());
    long start = reader.bytesRead();
    long uploaded = 0;
    String limitHit = null;
    // Bytes, not lines: one line that never ends must hit the limit too.
    reader.limitBytesRead(start + 2 * settings.maxUploadBytes());
    // And time for the whole upload: lines that each arrive in time must still come to an end.
    reader.setDeadline(System.nanoTime() + settings.uploadTimeout().toNanos());
    while (true) {
      Input input;
      try {
        input = reader.nextRawLine();
      } catch (TooLongFrameException e) {
        limitHit = firstLimit(limitHit, TravestyReplies.lineOver(settings.maxLineLength()));
        continue;
      } catch (ReadLimitException e) {
        reply(TravestyReplies.uploadClosing(settings.maxUploadBytes()));
        lingerAfterLastReply();
        throw new EOFException("upload far over the limit");
      } catch (ReadDeadlineException e) {
        reply(TravestyReplies.uploadTimeout(settings.uploadTimeout().toMillis()));
        lingerAfterLastReply();
        throw new EOFException("upload not completed within " + settings.uploadTimeout());
      }
      if (input.kind() == Input.Kind.END) {
        reply(TravestyReplies.halfClosedInData(model.uniqueWords()));
        throw new EOFException("connection ended during DATA");
      }
      if (input.kind() == Input.Kind.URGENT) {
        long discarded = reader.skipToMark(settings.urgentByteTimeout());
        LOG.debug("{}: upload aborted with urgent data, {} bytes discarded", peer, discarded);
        break;
      }
      byte[] line = input.bytes();
      if (DotStuffing.isTerminator(line)) {
        break;
      }
      uploaded += line.length + 2;
      if (limitHit == null) {
        limitHit = uploaded > settings.maxUploadBytes()
            ? TravestyReplies.uploadOver(settings.maxUploadBytes())
            : analyse(line);
      }
    }
    reader.limitBytesRead(Long.MAX_VALUE);
    reader.clearDeadline();
    int words = model.uniqueWords();
    if (limitHit == null && model.wordsAnalyzed() > settings.maxWords()) {
      limitHit = wordLimit();
    }
    if (limitHit != null) {
      LOG.info("{}: upload stopped at a limit: {}", peer, limitHit);
      reply(TravestyReplies.uploadLimit(limitHit, words));
    } else {
      reply(TravestyReplies.processed(words));
    }
  }

  /**
   * Adds one line to the model; returns the limit it hit, or null. Running out of heap is such a
   * limit: the model is emptied (its memory freed) and the upload drained as for any other.
   */
  private String analyse(byte[] line) {
    int offset = DotStuffing.contentOffset(line);
    try {
      model.add(line, offset, line.length - offset);
    } catch (OutOfMemoryError e) {
      resetModel();
      LOG.warn("{}: the server ran out of heap during an upload; model emptied", peer);
      return TravestyReplies.outOfMemoryInUpload();
    }
    long words = model.stats().wordsAnalyzed();
    if (words > settings.maxWords()) {
      return wordLimit();
    }
    if (words > reservedWords) {
      // Reserve in steps, so that the shared counter is touched rarely.
      long step = Math.max(words - reservedWords, 65_536);
      if (!budget.reserve(step)) {
        return TravestyReplies.serverWordsOver(budget.limit());
      }
      reservedWords += step;
    }
    return null;
  }

  private String wordLimit() {
    return TravestyReplies.wordsOver(settings.maxWords());
  }

  private static String firstLimit(String current, String next) {
    return current != null ? current : next;
  }

  private void resetModel() {
    model.reset();
    releaseWords();
  }

  private void releaseWords() {
    budget.release(reservedWords);
    reservedWords = 0;
  }

  // ---- GENERATE ---------------------------------------------------------------------------------

  private void generate(long words) throws IOException {
    if (model.isEmpty()) {
      reply(TravestyReplies.noDataAnalyzed());
      return;
    }
    reply(TravestyReplies.travestyFollows());
    GenerationWriter writer = new GenerationWriter(out, reader, n -> bytesWritten += n);
    long generated = model.prettyLines(words, writer);
    writer.finish();
    if (writer.aborted()) {
      long discarded = reader.skipToMark(settings.urgentByteTimeout());
      writeRaw(DotBlockEncoder.terminator());
      sendUrgent();
      LOG.debug("{}: generation aborted with urgent data after {} words ({} bytes discarded)",
          peer, generated, discarded);
    } else {
      writeRaw(DotBlockEncoder.terminator());
    }
  }

  /** An urgent byte between commands: skip to its mark and answer with ours (see package doc). */
  private void answerUrgent() throws IOException {
    long discarded = reader.skipToMark(settings.urgentByteTimeout());
    sendUrgent();
    LOG.debug("{}: urgent data between commands ({} bytes discarded), answered", peer,
        discarded);
  }

  private void sendUrgent() throws IOException {
    UrgentSocket.of(socket).sendUrgent(TravestyProtocol.URGENT_BYTE);
    bytesWritten += 1;
  }

  private void reply(StatusReply reply) throws IOException {
    writeRaw(LineEncoder.encode(reply.format()));
  }

  private void writeRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    bytesWritten += bytes.length;
  }
}
