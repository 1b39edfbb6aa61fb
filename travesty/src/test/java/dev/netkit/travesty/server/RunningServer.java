package dev.netkit.travesty.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension: a {@link TravestyServer} on loopback port 0 started before each test and
 * closed after it. Register with {@code @RegisterExtension final RunningServer server = ...}.
 */
final class RunningServer implements BeforeEachCallback, AfterEachCallback {

  private final Supplier<TravestyServerConfig.Builder> config;
  private TravestyServer server;

  private RunningServer(Supplier<TravestyServerConfig.Builder> config) {
    this.config = config;
  }

  /** A server with {@link ServerFixture#builder()}'s settings. */
  static RunningServer withDefaults() {
    return new RunningServer(ServerFixture::builder);
  }

  /** A server with the given settings, built afresh for every test. */
  static RunningServer with(Supplier<TravestyServerConfig.Builder> config) {
    return new RunningServer(config);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    server = ServerFixture.start(config.get());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  /** The running server; only valid inside a test. */
  TravestyServer server() {
    if (server == null) {
      throw new IllegalStateException("no server outside a test");
    }
    return server;
  }

  /** The running server's address. */
  InetSocketAddress address() {
    return server().localAddress();
  }

  /** An I/O action run on another thread, for aborts from a second thread. */
  @FunctionalInterface
  interface IoAction<T> {
    /** Runs the action. */
    T run() throws IOException;
  }

  /**
   * Runs {@code action} on the common pool; an {@link IOException} completes the future with an
   * {@link UncheckedIOException}.
   */
  static <T> CompletableFuture<T> async(IoAction<T> action) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return action.run();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
