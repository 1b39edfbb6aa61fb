package dev.netkit.server;

import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/** The stream server contract over UNIX-domain stream sockets (JDK 16+ channels). */
class UnixStreamServerCoreIT extends StreamServerContract {

  private final AtomicInteger sockets = new AtomicInteger();

  @TempDir
  Path dir;

  @Override
  SocketAddress bindAddress() {
    return UnixDomainSocketAddress.of(dir.resolve("s" + sockets.incrementAndGet()));
  }
}
