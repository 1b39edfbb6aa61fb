package dev.netkit.cli.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns on the debug messages of one logger at run time: {@code -v} for all of netkit (the
 * programs' {@code --log-datagrams} is a server configuration flag instead, see
 * {@link LogDatagramsOption}). The launcher's {@code logback.xml} logs netkit at INFO otherwise.
 */
public final class DebugLogging {

  private DebugLogging() {
  }

  /**
   * Logs the debug messages of a logger and of those below it.
   *
   * @param name a logger name, e.g. {@code dev.netkit}
   */
  public static void enable(String name) {
    Logger logger = (Logger) LoggerFactory.getLogger(name);
    if (!logger.isDebugEnabled()) {
      logger.setLevel(Level.DEBUG);
    }
  }
}
