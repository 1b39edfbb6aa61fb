package dev.netkit.chat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.netkit.chat.testing.ChatPeer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The admin view: the periodic summary line, and per-event lines unless quiet. */
class ChatServerLoggingIT {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final Logger logger = (Logger) LoggerFactory.getLogger(ChatServer.class);
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
    @Override
    protected void append(ILoggingEvent event) {
      lines.add(event.getFormattedMessage());
    }
  };
  private Level levelBefore;

  @BeforeEach
  void capture() {
    levelBefore = logger.getLevel();
    logger.setLevel(Level.INFO);
    logger.setAdditive(false);
    appender.start();
    logger.addAppender(appender);
  }

  @AfterEach
  void release() {
    logger.detachAppender(appender);
    logger.setLevel(levelBefore);
    logger.setAdditive(true);
  }

  private List<String> lines() {
    return List.copyOf(lines);
  }

  private void session(boolean quiet) throws Exception {
    try (ChatServer server = new ChatServer(ChatServerConfig.builder()
        .bindAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .summaryInterval(Duration.ofMillis(100)).logDatagrams(!quiet).build()).start();
        ChatPeer alice = ChatPeer.open(server.localAddress())) {
      alice.login("alice");
      alice.join("Weather");
      await().atMost(WAIT).untilAsserted(() -> assertThat(lines())
          .anyMatch(line -> line.contains(": 1 users, 1/5 channels in use; ")));
    }
  }

  @Test
  void theSummaryLineCountsUsersChannelsEventsAndErrors() throws Exception {
    session(false);

    assertThat(lines()).anyMatch(line -> line.matches(
        "chat server on /127\\.0\\.0\\.1:\\d+: 1 users, 1/5 channels in use; last \\d+ s: "
            + "\\d+ events \\(\\d+\\.\\d/s\\), 0 errors sent, 0 rate-limited, 0 over budget, "
            + "0 dropped, 0 send failures, 0 auto-logouts"));
    assertThat(lines()).anyMatch(line -> line.matches("alice@127\\.0\\.0\\.1:\\d+ logged in"))
        .anyMatch(line -> line.matches("alice@127\\.0\\.0\\.1:\\d+ joined Weather"));
  }

  @Test
  void quietLeavesOnlyTheSummaryAndLifecycle() throws Exception {
    session(true);

    assertThat(lines()).noneMatch(line -> line.contains("alice"));
  }
}
