package dev.netkit.travesty.server;

import static dev.netkit.travesty.protocol.TravestyProtocol.BAD_ARGUMENT;
import static dev.netkit.travesty.protocol.TravestyProtocol.ERROR;
import static dev.netkit.travesty.protocol.TravestyProtocol.GOODBYE;
import static dev.netkit.travesty.protocol.TravestyProtocol.PROCESSED;
import static dev.netkit.travesty.protocol.TravestyProtocol.RESET_DONE;
import static dev.netkit.travesty.protocol.TravestyProtocol.SEND_DATA;
import static dev.netkit.travesty.protocol.TravestyProtocol.TRAVESTY_FOLLOWS;
import static dev.netkit.travesty.protocol.TravestyProtocol.UPLOAD_LIMIT;

import dev.netkit.codec.DotBlockEncoder;
import dev.netkit.codec.LineEncoder;
import dev.netkit.codec.MalformedTextException;
import dev.netkit.codec.ProtocolException;
import dev.netkit.codec.StatusReply;
import dev.netkit.codec.TooLongFrameException;
import dev.netkit.server.Connection;
import dev.netkit.travesty.Travesty;
import dev.netkit.travesty.protocol.DotLines;
import dev.netkit.travesty.protocol.TravestyProtocol;
import dev.netkit.travesty.protocol.UrgentLineReader;
import dev.netkit.travesty.protocol.UrgentLineReader.Input;
import dev.netkit.urgent.UrgentSocket;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Locale;
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

  private final Connection connection;
  private final Socket socket;
  private final TravestyServerConfig settings;
  private final WordBudget budget;
  private final String peer;
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
  }

  /**
   * Serves the client to its end. A failure other than an {@link IOException} (a bug, an
   * {@link Error}) goes to the server core, which logs it and closes the connection.
   */
  void run() {
    connection.watchProgress(this::progress);
    try {
      reader = new UrgentLineReader(socket, settings.maxLineLength());
      out = socket.getOutputStream();
      model = settings.models().get();
      LOG.info("{}: connected", peer);
      reply(TravestyProtocol.BANNER, TravestyProtocol.BANNER_TEXT);
      commands();
      LOG.info("{}: session ended", peer);
    } catch (IOException e) {
      LOG.info("{}: session ended: {}", peer, e.toString());
    } finally {
      model = null;
      releaseWords();
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
        reply(BAD_ARGUMENT, "command line too long (limit: " + settings.maxLineLength()
            + " bytes)");
        continue;
      } catch (MalformedTextException e) {
        reply(ERROR, "unknown command");
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
    String trimmed = line.strip();
    int space = trimmed.indexOf(' ');
    String command = (space < 0 ? trimmed : trimmed.substring(0, space)).toUpperCase(Locale.ROOT);
    String argument = space < 0 ? "" : trimmed.substring(space + 1).strip();
    LOG.debug("{}: command {}", peer, ProtocolException.quote(trimmed));
    if (command.equals(TravestyProtocol.GENERATE)) {
      generate(argument);
      return true;
    }
    if (!argument.isEmpty()) {
      reply(ERROR, "unknown command");
      return true;
    }
    switch (command) {
      case TravestyProtocol.DATA -> upload();
      case TravestyProtocol.RESET -> {
        resetModel();
        reply(RESET_DONE, "travesty reset");
      }
      case TravestyProtocol.BYE -> {
        reply(GOODBYE, "goodbye");
        return false;
      }
      default -> reply(ERROR, "unknown command");
    }
    return true;
  }

  // ---- DATA -------------------------------------------------------------------------------------

  private void upload() throws IOException {
    resetModel();
    reply(SEND_DATA, "send text, end with a line holding only \".\"");
    long start = reader.bytesRead();
    long uploaded = 0;
    String limitHit = null;
    while (true) {
      Input input;
      try {
        input = reader.nextRawLine();
      } catch (TooLongFrameException e) {
        limitHit = firstLimit(limitHit, "line over " + settings.maxLineLength() + " bytes");
        continue;
      }
      if (input.kind() == Input.Kind.END) {
        throw new EOFException("connection ended during DATA");
      }
      if (input.kind() == Input.Kind.URGENT) {
        long discarded = reader.skipToMark(settings.urgentByteTimeout());
        LOG.debug("{}: upload aborted with urgent data, {} bytes discarded", peer, discarded);
        break;
      }
      byte[] line = input.bytes();
      if (DotLines.isTerminator(line)) {
        break;
      }
      uploaded += line.length + 2;
      if (reader.bytesRead() - start > 2 * settings.maxUploadBytes()) {
        reply(UPLOAD_LIMIT, "upload over " + settings.maxUploadBytes() + " bytes; closing");
        throw new EOFException("upload far over the limit");
      }
      if (limitHit == null) {
        limitHit = uploaded > settings.maxUploadBytes()
            ? "upload over " + settings.maxUploadBytes() + " bytes"
            : analyse(line);
      }
    }
    int words = model.uniqueWords();
    if (limitHit == null && model.wordsAnalyzed() > settings.maxWords()) {
      limitHit = wordLimit();
    }
    if (limitHit != null) {
      LOG.info("{}: upload stopped at a limit: {}", peer, limitHit);
      reply(UPLOAD_LIMIT, limitHit + "; processed " + words + " words");
    } else {
      reply(PROCESSED, "processed " + words + " words");
    }
  }

  /** Adds one line to the model; returns the limit it hit, or null. */
  private String analyse(byte[] line) {
    int offset = DotLines.contentOffset(line);
    model.add(line, offset, line.length - offset);
    long words = model.stats().wordsAnalyzed();
    if (words > settings.maxWords()) {
      return wordLimit();
    }
    if (words > reservedWords) {
      // Reserve in steps, so that the shared counter is touched rarely.
      long step = Math.max(words - reservedWords, 65_536);
      if (!budget.reserve(step)) {
        return "server busy: all models together hold " + budget.limit() + " words";
      }
      reservedWords += step;
    }
    return null;
  }

  private String wordLimit() {
    return "more than " + settings.maxWords() + " words";
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

  private void generate(String argument) throws IOException {
    long words;
    if (argument.isEmpty()) {
      reply(BAD_ARGUMENT, "GENERATE needs a word count");
      return;
    }
    if (!argument.chars().allMatch(c -> c >= '0' && c <= '9')) {
      reply(BAD_ARGUMENT, "word count " + ProtocolException.quote(argument)
          + " is not a number");
      return;
    }
    try {
      words = Long.parseLong(argument);
    } catch (NumberFormatException e) {
      words = Long.MAX_VALUE;
    }
    if (words > settings.maxGenerateWords()) {
      reply(BAD_ARGUMENT, "word count " + ProtocolException.quote(argument)
          + " is over the limit of " + settings.maxGenerateWords());
      return;
    }
    if (model.isEmpty()) {
      reply(ERROR, "no data analyzed");
      return;
    }
    reply(TRAVESTY_FOLLOWS, "travesty follows");
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

  private void reply(int code, String text) throws IOException {
    writeRaw(LineEncoder.encode(new StatusReply(code, text).format()));
  }

  private void writeRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    bytesWritten += bytes.length;
  }
}
