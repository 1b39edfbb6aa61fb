package dev.netkit.udp;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.netkit.testsupport.CloseAfterEach;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * {@link DatagramLoopConfig#logDatagrams()}: the servers log each request at INFO when told to,
 * whatever the logging backend's levels, and not at INFO otherwise.
 */
class DatagramLoggingIT {

  @RegisterExtension
  final CloseAfterEach resources = new CloseAfterEach();

  private final List<Captured> captured = new CopyOnWriteArrayList<>();

  /** A logger held at INFO, its lines collected. */
  private final class Captured extends AppenderBase<ILoggingEvent> {
    private final Logger logger;
    private final Level levelBefore;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    Captured(Class<?> type) {
      this.logger = (Logger) LoggerFactory.getLogger(type);
      this.levelBefore = logger.getLevel();
      logger.setLevel(Level.INFO);
      start();
      logger.addAppender(this);
      captured.add(this);
    }

    @Override
    protected void append(ILoggingEvent event) {
      lines.add(event.getLevel() + " " + event.getFormattedMessage());
    }

    void release() {
      logger.detachAppender(this);
      logger.setLevel(levelBefore);
    }
  }

  @BeforeEach
  @AfterEach
  void release() {
    captured.forEach(Captured::release);
    captured.clear();
  }

  private static DatagramLoopConfig loop(boolean logDatagrams) {
    return DatagramLoopConfig.builder().logDatagrams(logDatagrams).build();
  }

  @Test
  void echoServerLogsEachRequestAtInfoWhenTold() throws Exception {
    Captured log = new Captured(ReverseEchoServer.class);
    ReverseEchoServer server = resources.use(new ReverseEchoServer(Peer.ANY_LOOPBACK,
        ReverseEchoServerConfig.builder().loop(loop(true)).build())).start();
    Peer client = resources.use(new Peer());

    assertThat(client.exchange("hello", server.localAddress())).isEqualTo("olleh");

    assertThat(log.lines).contains("INFO Received 5 bytes from [127.0.0.1,"
        + client.address().getPort() + "]");
  }

  @Test
  void daytimeServerLogsEachRequestAtInfoWhenTold() throws Exception {
    Captured log = new Captured(DaytimeServer.class);
    DaytimeServer server = resources.use(new DaytimeServer(Peer.ANY_LOOPBACK,
        DaytimeServerConfig.builder().loop(loop(true)).build())).start();
    Peer client = resources.use(new Peer());

    assertThat(client.exchange("time?", server.localAddress())).endsWith("\r\n");

    assertThat(log.lines).contains("INFO Received 5 bytes from [127.0.0.1,"
        + client.address().getPort() + "]");
  }

  @Test
  void requestsAreNotLoggedAtInfoByDefault() throws Exception {
    Captured log = new Captured(ReverseEchoServer.class);
    ReverseEchoServer server = resources.use(new ReverseEchoServer(Peer.ANY_LOOPBACK,
        ReverseEchoServerConfig.builder().loop(loop(false)).build())).start();
    Peer client = resources.use(new Peer());

    assertThat(client.exchange("hello", server.localAddress())).isEqualTo("olleh");

    assertThat(log.lines).noneMatch(line -> line.contains("Received"));
  }

  @Test
  void aFloodOfOversizeDatagramsLogsOneWarning() throws Exception {
    Captured log = new Captured(ReverseEchoServer.class);
    ReverseEchoServer server = resources.use(new ReverseEchoServer(Peer.ANY_LOOPBACK,
        ReverseEchoServerConfig.builder().maxDatagram(8).build())).start();
    Peer client = resources.use(new Peer());

    for (int i = 0; i < 50; i++) {
      client.send("far too long for the limit", server.localAddress());
    }
    assertThat(client.exchange("hello", server.localAddress())).isEqualTo("olleh");

    assertThat(server.stats().oversize()).isEqualTo(50);
    assertThat(log.lines).filteredOn(line -> line.contains("longer than the limit"))
        .hasSize(1).allMatch(line -> line.startsWith("WARN "));
  }
}
