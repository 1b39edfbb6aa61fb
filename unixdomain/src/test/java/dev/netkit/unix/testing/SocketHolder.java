package dev.netkit.unix.testing;

import dev.netkit.unix.UnixDatagramSocket;
import dev.netkit.unix.UnixStreamServer;
import dev.netkit.unix.UnixStreamServerConfig;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A child JVM for the signal tests: binds a socket file ({@code stream} or {@code datagram} at a
 * path), prints {@code ready}, and waits to be killed.
 */
public final class SocketHolder {

  private SocketHolder() {
  }

  /**
   * Runs the child.
   *
   * @param args the kind ({@code stream} or {@code datagram}) and the socket path
   * @throws Exception if binding fails
   */
  public static void main(String[] args) throws Exception {
    Path path = Path.of(args[1]);
    AutoCloseable socket = args[0].equals("stream")
        ? new UnixStreamServer(UnixStreamServerConfig.defaults(path), connection -> { })
            .start()
        : UnixDatagramSocket.open().bind(path);
    System.out.println("ready " + socket.getClass().getSimpleName());
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
