package dev.netkit.unix.localtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import dev.netkit.jni.testing.RequiresNativeLibrary;
import dev.netkit.unix.FileModes;
import dev.netkit.unix.PeerAuthorizer;
import dev.netkit.unix.PeerCredentials;
import dev.netkit.unix.SocketFileConfig;
import dev.netkit.unix.UnixDatagramSocket;
import dev.netkit.unix.testing.Stat;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

@RequiresNativeLibrary
class LocaltimeIT {

  private static final Clock BOOK_CLOCK =
      Clock.fixed(Instant.parse("2000-06-17T22:06:14Z"), ZoneOffset.UTC);

  @TempDir
  Path dir;

  @TempDir
  Path clientDir;

  private LocaltimeServerConfig.Builder config() {
    return LocaltimeServerConfig.builder()
        .socketFile(SocketFileConfig.defaults(dir.resolve("localtime")))
        .clock(BOOK_CLOCK)
        .localZone(ZoneOffset.ofHours(-4));
  }

  private LocaltimeServer start(LocaltimeServerConfig.Builder config) throws IOException {
    return new LocaltimeServer(config.build()).start();
  }

  private LocaltimeServer start(PeerAuthorizer authorizer) throws IOException {
    return start(config().socketFile(SocketFileConfig.builder(dir.resolve("localtime"))
        .authorizer(authorizer).build()));
  }

  private LocaltimeClient client(Duration timeout) {
    return new LocaltimeClient(dir.resolve("localtime"), timeout, clientDir,
        FileModes.toPermissions(0600));
  }

  @Test
  void theClientGetsTheTimeInAZoneOrTheLocalTimeAndLeavesNoFileBehind() throws Exception {
    try (LocaltimeServer server = start(config())) {
      assertThat(Stat.typeAndMode(server.path())).isEqualTo("socket 600");

      assertThat(client(Duration.ofSeconds(30)).ask(null)).isEqualTo("Sat Jun 17 18:06:14 2000");
      assertThat(client(Duration.ofSeconds(30)).ask("Europe/Warsaw"))
          .isEqualTo("Sun Jun 18 00:06:14 2000");
      assertThat(client(Duration.ofSeconds(30)).ask("../../etc/passwd"))
          .isEqualTo("Sat Jun 17 18:06:14 2000");
    }
    assertThat(listing(clientDir)).isEmpty();
    assertThat(listing(dir)).isEmpty();
  }

  @Test
  void theClientTimesOutWithAClearMessageWhenTheServerDoesNotAnswer() throws Exception {
    Path path = dir.resolve("localtime");
    try (UnixDatagramSocket stopped = UnixDatagramSocket.open().bind(path)) {
      assertThatThrownBy(() -> client(Duration.ofMillis(300)).ask("UTC"))
          .isInstanceOf(SocketTimeoutException.class)
          .hasMessage("no answer from " + path + " within 300 ms: is the server running (and not"
              + " stopped)?");
      assertThat(stopped.receive().text()).isEqualTo("UTC");
    }
    assertThat(listing(clientDir)).isEmpty();
  }

  @Test
  void withoutAServerTheClientFailsAtOnceAndLeavesNoFileBehind() throws IOException {
    assertThatThrownBy(() -> client(Duration.ofSeconds(30)).ask("UTC"))
        .isInstanceOf(ConnectException.class)
        .hasMessageContaining("no such file or directory (ENOENT)");
    assertThat(listing(clientDir)).isEmpty();
  }

  @Test
  void requestsFromPeersTheAuthorizerRefusesAreDropped() throws Exception {
    int otherUid = PeerCredentials.currentUid() + 1;
    try (LocaltimeServer server = start(PeerAuthorizer.allowUids(otherUid))) {
      assertThatThrownBy(() -> client(Duration.ofMillis(300)).ask("UTC"))
          .isInstanceOf(SocketTimeoutException.class);
    }
    try (LocaltimeServer server = start(PeerAuthorizer.sameUser())) {
      assertThat(client(Duration.ofSeconds(30)).ask("UTC")).isEqualTo("Sat Jun 17 22:06:14 2000");
    }
  }

  /** DESIGN.md "Hostile peers": a refused peer that asks again and again cannot flood the log. */
  @Test
  void aRefusedPeerAskingAgainIsWarnedAboutOnce() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(LocaltimeServer.class);
    Level before = logger.getLevel();
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    logger.setLevel(Level.DEBUG);
    logger.addAppender(events);
    int otherUid = PeerCredentials.currentUid() + 1;
    try (LocaltimeServer server = start(PeerAuthorizer.allowUids(otherUid))) {
      for (int i = 0; i < 5; i++) {
        assertThatThrownBy(() -> client(Duration.ofMillis(100)).ask("UTC"))
            .isInstanceOf(SocketTimeoutException.class);
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> refusals(events).size() == 5);
    } finally {
      logger.detachAppender(events);
      logger.setLevel(before);
    }
    assertThat(refusals(events)).filteredOn(event -> event.getLevel() == Level.WARN).hasSize(1);
  }

  private static List<ILoggingEvent> refusals(ListAppender<ILoggingEvent> events) {
    return List.copyOf(events.list).stream()
        .filter(event -> event.getFormattedMessage().contains("not authorized")).toList();
  }

  @Test
  void aBuilderChangedAfterBuildCannotChangeWhoARunningServerAnswers() throws Exception {
    int otherUid = PeerCredentials.currentUid() + 1;
    SocketFileConfig.Builder socketFile = SocketFileConfig.builder(dir.resolve("localtime"))
        .authorizer(PeerAuthorizer.allowUids(otherUid));
    LocaltimeServerConfig.Builder config = config().socketFile(socketFile.build());
    try (LocaltimeServer server = start(config)) {
      socketFile.authorizer(PeerAuthorizer.allowAll());
      config.socketFile(socketFile.build());

      assertThatThrownBy(() -> client(Duration.ofMillis(300)).ask("UTC"))
          .isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void theServerIgnoresUnboundSendersAndKeepsServing() throws Exception {
    try (LocaltimeServer server = start(config());
        UnixDatagramSocket anonymous = UnixDatagramSocket.open()) {
      anonymous.send("UTC".getBytes(), server.path());
      anonymous.send(new byte[4000], server.path());

      assertThat(client(Duration.ofSeconds(30)).ask("UTC")).isEqualTo("Sat Jun 17 22:06:14 2000");
    }
  }

  private static List<String> listing(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
