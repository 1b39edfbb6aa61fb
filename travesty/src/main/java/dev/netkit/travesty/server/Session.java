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
import dev.netkit.travesty.Travesty;
import dev.netkit.travesty.protocol.UrgentLineReader.Input;
import dev.netkit.travesty.protocol.UrgentLineReader;
import dev.netkit.urgent.UrgentSocket;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
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
      reply(TravestyReplies.banner());
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
    while (true) {
      Input input;
      try {
        input = reader.nextRawLine();
      } catch (TooLongFrameException e) {
        limitHit = firstLimit(limitHit, TravestyReplies.lineOver(settings.maxLineLength()));
        continue;
      }
      if (input.kind() == Input.Kind.END) {
        throw new EOFException("connection ended during DATA");
      }
      if (input.kind() == Input.Kind.URGENT) {
        long discarded = reader.skipToMark(settings.urgentByteTimeout());
        LOG.info("{}: upload aborted with urgent data, {} bytes discarded", peer, discarded);
        break;
      }
      byte[] line = input.bytes();
      if (DotStuffing.isTerminator(line)) {
        break;
      }
      uploaded += line.length + 2;
      if (reader.bytesRead() - start > 2 * settings.maxUploadBytes()) {
        reply(TravestyReplies.uploadClosing(settings.maxUploadBytes()));
        throw new EOFException("upload far over the limit");
      }
      if (limitHit == null) {
        limitHit = uploaded > settings.maxUploadBytes()
            ? TravestyReplies.uploadOver(settings.maxUploadBytes())
            : analyse(line);
      }
    }
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

  /** Adds one line to the model; returns the limit it hit, or null. */
  private String analyse(byte[] line) {
    int offset = DotStuffing.contentOffset(line);
    model.add(line, offset, line.length - offset);
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
      LOG.info("{}: generation aborted with urgent data after {} words ({} bytes discarded)",
          peer, generated, discarded);
    } else {
      writeRaw(DotBlockEncoder.terminator());
    }
  }

  /** An urgent byte between commands: skip to its mark and answer with ours (see package doc). */
  private void answerUrgent() throws IOException {
    long discarded = reader.skipToMark(settings.urgentByteTimeout());
    sendUrgent();
    LOG.info("{}: urgent data between commands ({} bytes discarded), answered", peer,
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
