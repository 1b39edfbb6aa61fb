package dev.netkit.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What the stream server core promises, whatever the transport: written once, run over TCP
 * loopback and UNIX-domain sockets by the subclasses.
 */
abstract class StreamServerContract {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private final List<AutoCloseable> resources = new ArrayList<>();

  /** Returns a fresh address to bind: loopback port 0, or a path in a temporary directory. */
  abstract SocketAddress bindAddress() throws IOException;

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable resource : resources) {
      resource.close();
    }
  }

  private StreamServer start(StreamServerConfig.Builder config, ConnectionHandler handler)
      throws IOException {
    StreamServer server = new StreamServer(config.build(), Binder.to(bindAddress(), 50), handler);
    resources.add(server);
    return server.start();
  }

  private SocketChannel connect(StreamServer server) throws IOException {
    SocketChannel channel = SocketChannel.open(server.localAddress());
    resources.add(0, channel);
    return channel;
  }

  /** Echoes through the timed view until the client half-closes. */
  private static void echo(Connection connection) throws IOException {
    ConnectionIo io = connection.io();
    ByteBuffer buffer = ByteBuffer.allocate(256);
    while (io.read(buffer.clear()) >= 0) {
      io.write(buffer.flip());
    }
    io.shutdownOutput();
  }

  /** Connects, sends the text, half-closes and returns the whole answer. */
  private String exchange(StreamServer server, String text) throws IOException {
    SocketChannel channel = connect(server);
    send(channel, text);
    channel.shutdownOutput();
    return readAll(channel);
  }

  private static void send(SocketChannel channel, String text) throws IOException {
    channel.write(ByteBuffer.wrap(text.getBytes(UTF_8)));
  }

  private static String readAll(SocketChannel channel) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer buffer = ByteBuffer.allocate(256);
    while (channel.read(buffer.clear()) >= 0) {
      out.write(buffer.array(), 0, buffer.position());
    }
    return out.toString(UTF_8);
  }

  @Test
  void startLogsTheBoundAddressAtInfo() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(StreamServer.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    Level before = logger.getLevel();
    logger.setLevel(Level.INFO);
    try {
      StreamServer server = start(StreamServerConfig.builder().name("logged"), c -> { });

      assertThat(appender.list).anySatisfy(event -> {
        assertThat(event.getLevel()).isEqualTo(Level.INFO);
        assertThat(event.getFormattedMessage())
            .isEqualTo("logged: listening on " + server.localAddress());
      });
    } finally {
      logger.setLevel(before);
      logger.detachAppender(appender);
    }
  }

  @Test
  void atMostMaxConnectionsAreServedAndTheNextClientWaitsItsTurn() throws Exception {
    StreamServer server = start(StreamServerConfig.builder().maxConnections(1),
        StreamServerContract::echo);
    SocketChannel first = connect(server);
    send(first, "first");
    await().atMost(WAIT).until(() -> server.stats().active() == 1);
    SocketChannel second = connect(server);
    send(second, "second");
    second.shutdownOutput();

    assertThat(server.stats().accepted()).isEqualTo(1);
    first.shutdownOutput();
    assertThat(readAll(first)).isEqualTo("first");
    assertThat(readAll(second)).isEqualTo("second");
    assertThat(server.stats().refused()).isZero();
  }

  @Test
  void whenFullAndRefusingTheRefuserAnswersAndTheClientIsClosed() throws Exception {
    StreamServer server = start(StreamServerConfig.builder().maxConnections(1)
            .whenFull(StreamServerConfig.WhenFull.REFUSE)
            .refuser((channel, refusal) -> channel.write(ByteBuffer.wrap(
                (refusal.reason() + " " + refusal.limit() + "\n").getBytes(UTF_8)))),
        StreamServerContract::echo);
    SocketChannel first = connect(server);
    await().atMost(WAIT).until(() -> server.stats().active() == 1);

    assertThat(readAll(connect(server))).isEqualTo("SERVER_FULL 1\n");
    assertThat(server.stats().refused()).isEqualTo(1);
    send(first, "still served");
    first.shutdownOutput();
    assertThat(readAll(first)).isEqualTo("still served");
  }

  @Test
  void aPeerOverItsOwnLimitIsRefusedWhileOthersWouldBeServed() throws Exception {
    StreamServer server = start(StreamServerConfig.builder().maxConnections(8)
        .maxConnectionsPerPeer(1), StreamServerContract::echo);
    SocketChannel first = connect(server);
    await().atMost(WAIT).until(() -> server.stats().active() == 1);

    assertThat(readAll(connect(server))).isEmpty();
    assertThat(server.stats().refused()).isEqualTo(1);
    first.shutdownOutput();
    assertThat(readAll(first)).isEmpty();
    await().atMost(WAIT).until(() -> server.stats().active() == 0);
    assertThat(exchange(server, "served again")).isEqualTo("served again");
  }

  @Test
  void aHandlerThatThrowsAnErrorCostsItsConnectionOnlyAndFreesItsSlot() throws Exception {
    StreamServer server = start(StreamServerConfig.builder().maxConnections(1), connection -> {
      ByteBuffer first = ByteBuffer.allocate(1);
      connection.io().read(first);
      if (first.get(0) == 'E') {
        throw new AssertionError("a broken handler");
      }
      if (first.get(0) == 'R') {
        throw new IllegalStateException("a buggy handler");
      }
      connection.io().write(first.flip());
      echo(connection);
    });
    SocketChannel error = connect(server);
    send(error, "E");
    assertThat(readAll(error)).isEmpty();
    SocketChannel runtime = connect(server);
    send(runtime, "R");
    assertThat(readAll(runtime)).isEmpty();

    assertThat(exchange(server, "healthy")).isEqualTo("healthy");
    assertThat(server.stats().failed()).isEqualTo(2);
  }

  @Test
  void aPeerWhoseIdentityCannotBeReadIsDroppedAndTheServerGoesOn() throws Exception {
    List<Integer> calls = new ArrayList<>();
    StreamServer server = start(StreamServerConfig.builder().peerIdentity(channel -> {
      synchronized (calls) {
        calls.add(calls.size());
        if (calls.size() == 1) {
          throw new IOException("no identity");
        }
      }
      return "peer";
    }), StreamServerContract::echo);

    assertThat(readAll(connect(server))).isEmpty();
    assertThat(exchange(server, "second")).isEqualTo("second");
  }

  @Test
  void closeInterruptsBusyConnectionsAndWaitsForTheirThreads() throws Exception {
    CompletableFuture<Integer> blockingRead = new CompletableFuture<>();
    CompletableFuture<Throwable> timedRead = new CompletableFuture<>();
    List<Thread> handlers = new ArrayList<>();
    StreamServer server = start(StreamServerConfig.builder(), connection -> {
      synchronized (handlers) {
        handlers.add(Thread.currentThread());
      }
      if (connection.id() == 1) {
        blockingRead.complete(connection.channel().read(ByteBuffer.allocate(8)));
      } else {
        try {
          connection.io().read(ByteBuffer.allocate(8));
        } catch (IOException e) {
          timedRead.complete(e);
        }
      }
    });
    SocketChannel one = connect(server);
    await().atMost(WAIT).until(() -> server.stats().active() == 1);
    SocketChannel two = connect(server);
    await().atMost(WAIT).until(() -> server.stats().active() == 2);

    server.close();

    assertThat(blockingRead.get(1, TimeUnit.SECONDS)).isEqualTo(-1);
    assertThat(timedRead.get(1, TimeUnit.SECONDS)).isInstanceOf(AsynchronousCloseException.class);
    assertThat(handlers).noneMatch(Thread::isAlive);
    assertThat(server.stats().active()).isZero();
    assertThat(readAll(one)).isEmpty();
    assertThat(readAll(two)).isEmpty();
    assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void closeClosesTheChannelsOfHandlersThatDoNotReturnInTime() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Connection> stuck = new CompletableFuture<>();
    StreamServer server = start(StreamServerConfig.builder().closeTimeout(Duration.ofMillis(50)),
        connection -> {
          connection.onInterrupt(why -> { });
          stuck.complete(connection);
          release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
        });
    SocketChannel client = connect(server);
    Connection connection = stuck.get(WAIT.toSeconds(), TimeUnit.SECONDS);

    server.close();

    assertThat(connection.channel().isOpen()).isFalse();
    assertThat(connection.interruption()).isEqualTo(Connection.Interruption.SERVER_CLOSING);
    assertThat(readAll(client)).isEmpty();
    release.countDown();
  }

  @Test
  void anIdleConnectionIsShutDownAndItsBlockingReadEnds() throws Exception {
    CompletableFuture<Connection.Interruption> seen = new CompletableFuture<>();
    StreamServer server = start(StreamServerConfig.builder().idleTimeout(Duration.ofMillis(200)),
        connection -> {
          int n = connection.channel().read(ByteBuffer.allocate(8));
          seen.complete(n < 0 ? connection.interruption() : null);
        });
    SocketChannel client = connect(server);

    assertThat(seen.get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .isEqualTo(Connection.Interruption.IDLE);
    assertThat(readAll(client)).isEmpty();
    await().atMost(WAIT).until(() -> server.stats().active() == 0);
    assertThat(server.stats().interrupted()).isEqualTo(1);
  }

  @Test
  void anIdleTimedReadFailsAndTheHandlerCanStillAnswer() throws Exception {
    StreamServer server = start(StreamServerConfig.builder().idleTimeout(Duration.ofMillis(200)),
        connection -> {
          ConnectionIo io = connection.io();
          try {
            io.read(ByteBuffer.allocate(8));
          } catch (SocketTimeoutException e) {
            io.write(ByteBuffer.wrap((e.getMessage() + "\n").getBytes(UTF_8)));
          }
        });

    assertThat(readAll(connect(server))).isEqualTo("read timed out: no progress for 200 ms\n");
  }

  @Test
  void aDeadlineEndsAConnectionWhateverItsIdleTimeout() throws Exception {
    CompletableFuture<Throwable> seen = new CompletableFuture<>();
    StreamServer server = start(StreamServerConfig.builder().idleTimeout(Duration.ofMinutes(5)),
        connection -> {
          connection.setDeadline(Duration.ofMillis(200));
          try {
            connection.io().read(ByteBuffer.allocate(8));
          } catch (IOException e) {
            seen.complete(e);
          }
        });
    SocketChannel client = connect(server);

    assertThat(seen.get(WAIT.toSeconds(), TimeUnit.SECONDS))
        .isInstanceOf(SocketTimeoutException.class)
        .hasMessage("read timed out: deadline passed");
    assertThat(readAll(client)).isEmpty();
  }
}
