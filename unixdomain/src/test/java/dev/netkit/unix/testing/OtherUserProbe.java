package dev.netkit.unix.testing;

import dev.netkit.unix.UnixDatagramSocket;
import dev.netkit.unix.UnixSockets;
import dev.netkit.unix.UnixStreamServer;
import dev.netkit.unix.UnixStreamServerConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A child JVM run as another user by {@code OtherUserIT}: performs socket actions and prints one
 * line per action, {@code OK}, {@code ANSWER:<text>} or {@code <exception class> <message>}.
 */
public final class OtherUserProbe {

  private OtherUserProbe() {
  }

  /**
   * Runs the actions.
   *
   * @param args pairs of action ({@code bind-stream}, {@code bind-datagram}, {@code connect}) and
   *     socket path
   */
  public static void main(String[] args) {
    for (int i = 0; i + 1 < args.length; i += 2) {
      Path path = Path.of(args[i + 1]);
      try {
        System.out.println(run(args[i], path));
      } catch (IOException | RuntimeException e) {
        System.out.println(e.getClass().getSimpleName() + " " + e.getMessage());
      }
    }
    System.out.flush();
  }

  private static String run(String action, Path path) throws IOException {
    switch (action) {
      case "bind-stream":
        new UnixStreamServer(UnixStreamServerConfig.defaults(path), connection -> { }).start()
            .close();
        return "OK";
      case "bind-datagram":
        UnixDatagramSocket.open().bind(path).close();
        return "OK";
      case "connect":
        try (SocketChannel channel = UnixSockets.connect(path)) {
          ByteBuffer answer = ByteBuffer.allocate(256);
          while (channel.read(answer) >= 0 && answer.hasRemaining()) {
            continue;
          }
          return "ANSWER:" + new String(answer.array(), 0, answer.position(),
              StandardCharsets.UTF_8).stripTrailing();
        }
      default:
        throw new IllegalArgumentException("unknown action " + action);
    }
  }
}
