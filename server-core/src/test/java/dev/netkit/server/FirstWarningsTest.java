package dev.netkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class FirstWarningsTest {

  private final Logger logger = (Logger) LoggerFactory.getLogger("first-warnings-test");
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();

  @BeforeEach
  void capture() {
    logger.setLevel(Level.DEBUG);
    events.start();
    logger.addAppender(events);
  }

  @AfterEach
  void release() {
    logger.detachAppender(events);
  }

  private String line(int i) {
    ILoggingEvent event = events.list.get(i);
    return event.getLevel() + " " + event.getFormattedMessage()
        + (event.getThrowableProxy() == null ? "" : " +trace");
  }

  @Test
  void warnsOnceForEachKindAndDebugsTheRest() {
    FirstWarnings warnings = new FirstWarnings(logger);
    IllegalStateException failure = new IllegalStateException("boom");

    warnings.log("oversize", "dropped {} bytes", 9);
    warnings.log("oversize", "dropped {} bytes", 10);
    warnings.log(IllegalStateException.class, "failed: {}", "x", failure);
    warnings.log(IllegalStateException.class, "failed: {}", "y", failure);

    assertThat(events.list).hasSize(4);
    assertThat(line(0)).isEqualTo("WARN dropped 9 bytes (further ones at debug level)");
    assertThat(line(1)).isEqualTo("DEBUG dropped 10 bytes");
    assertThat(line(2)).isEqualTo("WARN failed: x (further ones at debug level) +trace");
    assertThat(line(3)).isEqualTo("DEBUG failed: y");
  }

  @Test
  void remembersABoundedNumberOfKinds() {
    FirstWarnings warnings = new FirstWarnings(logger);

    for (int kind = 0; kind < FirstWarnings.MAX_KINDS + 10; kind++) {
      warnings.log(kind, "kind {}", kind);
    }

    assertThat(events.list).filteredOn(event -> event.getLevel() == Level.WARN)
        .hasSize(FirstWarnings.MAX_KINDS);
    assertThat(events.list).filteredOn(event -> event.getLevel() == Level.DEBUG).hasSize(10);
  }
}
