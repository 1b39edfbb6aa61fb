package dev.netkit.unix.wrap;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.netkit.corpus.Corpus;
import dev.netkit.server.StreamServerConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the wrap service promises, whatever the stream transport: written once, run over
 * UNIX-domain sockets and over TCP loopback by the subclasses.
 */
abstract class WrapTransportContract {

  private static final Duration WAIT = Duration.ofSeconds(60);

  /** Opens a client connection to a running server. */
  interface Connector {
    SocketChannel connect() throws IOException;
  }

  /**
   * A running server of the subclass's transport.
   *
   * @param connector opens a client connection to it
   * @param active counts the connections it serves
   * @param stop closes it
   */
  record Running(Connector connector, IntSupplier active, Runnable stop)
      implements AutoCloseable {

    SocketChannel connect() throws IOException {
      return connector.connect();
    }

    int activeConnections() {
      return active.getAsInt();
    }

    @Override
    public void close() {
      stop.run();
    }
  }

  private final List<Running> servers = new ArrayList<>();

  /**
   * Starts a server with the wrap handler on the subclass's transport.
   *
   * @param handler the wrap handler
   * @param connections the server's limits
   * @return the running server
   * @throws IOException if it cannot start
   */
  abstract Running start(WrapHandler handler, StreamServerConfig connections) throws IOException;

  private Running start(int maxWordBytes, StreamServerConfig connections) throws IOException {
    Running server = start(new WrapHandler(30, maxWordBytes), connections);
    servers.add(server);
    return server;
  }

  @AfterEach
  void stopServers() {
    servers.forEach(Running::close);
  }

  private static byte[] expected(byte[] text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TextFiller filler = new TextFiller(30, TextFiller.DEFAULT_MAX_WORD_BYTES, out);
    filler.write(ByteBuffer.wrap(text));
    filler.finish();
    return out.toByteArray();
  }

  private static byte[] exchange(Running server, byte[] text) throws IOException {
    try (SocketChannel channel = server.connect()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      WrapClient.exchange(channel, new ByteArrayInputStream(text), out);
      return out.toByteArray();
    }
  }

  @Test
  void theWholeCorpusComesBackRefilled() throws Exception {
    byte[] corpus = Files.readAllBytes(Corpus.path());
    Running server = start(TextFiller.DEFAULT_MAX_WORD_BYTES, StreamServerConfig.defaults());

    byte[] answer = exchange(server, corpus);

    assertThat(answer).isEqualTo(expected(corpus));
    for (String line : new String(answer, UTF_8).split("\n")) {
      assertThat(line.codePointCount(0, line.length()) <= 29 || !line.contains(" "))
          .as("line [%s]", line).isTrue();
    }
  }

  @Test
  void manyClientsAreServedAtOnce() throws Exception {
    byte[] corpus = Files.readAllBytes(Corpus.path());
    byte[] expected = expected(corpus);
    Running server = start(TextFiller.DEFAULT_MAX_WORD_BYTES, StreamServerConfig.defaults());
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<CompletableFuture<byte[]>> answers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(CompletableFuture.supplyAsync(() -> {
          try {
            return exchange(server, corpus);
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        }, clients));
      }
      for (CompletableFuture<byte[]> answer : answers) {
        assertThat(answer.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(expected);
      }
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void aTooLongWordEndsTheAnswerWithAnError() throws Exception {
    Running server = start(8, StreamServerConfig.defaults());

    String answer = new String(exchange(server, "short words then aVeryLongWord".getBytes(UTF_8)),
        UTF_8);

    assertThat(answer).isEqualTo("short words then\nwrap-server: word length : 9 bytes (limit:"
        + " 8), input: 61 56 65 72 79 4c 6f 6e\n");
  }

  /**
   * Issue 15: the refusal reaches a client that is still sending (before: a reset or a broken
   * pipe, and the line lost).
   */
  @Test
  void aTooLongWordIsReportedToAClientThatGoesOnSending() throws Exception {
    Running server = start(8, StreamServerConfig.defaults());
    byte[] text = ("short aVeryLongWord " + "more words ".repeat(40_000)).getBytes(UTF_8);

    String answer = new String(exchange(server, text), UTF_8);

    assertThat(answer).isEqualTo("short\nwrap-server: word length : 9 bytes (limit: 8), input:"
        + " 61 56 65 72 79 4c 6f 6e\n");
  }

  @Test
  void atMostTheConnectionLimitIsServedAndWaitingClientsFollow() throws Exception {
    Running server = start(TextFiller.DEFAULT_MAX_WORD_BYTES,
        StreamServerConfig.builder().maxConnections(1).build());
    try (SocketChannel first = server.connect(); SocketChannel second = server.connect()) {
      first.write(ByteBuffer.wrap("first ".getBytes(UTF_8)));
      second.write(ByteBuffer.wrap("second".getBytes(UTF_8)));
      second.shutdownOutput();
      await().atMost(WAIT).until(() -> server.activeConnections() == 1);

      first.write(ByteBuffer.wrap("text".getBytes(UTF_8)));
      first.shutdownOutput();

      assertThat(readAll(first)).isEqualTo("first text\n");
      assertThat(readAll(second)).isEqualTo("second\n");
      assertThat(server.activeConnections()).isLessThanOrEqualTo(1);
    }
  }

  /** The words decided before the client fell silent have been sent already: streaming. */
  @Test
  void aSilentClientIsDisconnectedAfterTheIdleTimeout() throws Exception {
    Running server = start(TextFiller.DEFAULT_MAX_WORD_BYTES,
        StreamServerConfig.builder().maxConnections(4).idleTimeout(Duration.ofMillis(300))
            .build());
    try (SocketChannel silent = server.connect()) {
      silent.write(ByteBuffer.wrap("never finished".getBytes(UTF_8)));

      assertThat(readAll(silent)).isEqualTo("never");
      await().atMost(WAIT).until(() -> server.activeConnections() == 0);
    }
  }

  private static String readAll(SocketChannel channel) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer buffer = ByteBuffer.allocate(1024);
    while (channel.read(buffer.clear()) >= 0) {
      out.write(buffer.array(), 0, buffer.position());
    }
    return out.toString(UTF_8);
  }
}
