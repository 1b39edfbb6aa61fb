package dev.netkit.chat.broadcast;

import dev.netkit.chat.client.ChatClient;
import dev.netkit.chat.client.ChatClientConfig;
import dev.netkit.chat.client.ChatDisplay;
import dev.netkit.chat.server.ChatServer;
import dev.netkit.chat.server.ChatServerConfig;
import dev.netkit.codec.DatagramSize;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Programs the namespace tests run in child JVMs inside a network namespace, so that broadcasts
 * only ever see the namespace's own interfaces. Every mode ends by itself within its time limit.
 *
 * <ul>
 *   <li>{@code server PORT}: a chat server on all addresses; prints READY; runs 60 s.</li>
 *   <li>{@code echo PORT}: echoes every datagram (the echo service); prints READY; runs 60 s.</li>
 *   <li>{@code discover PORT}: finds a server by broadcast (3 s), prints the book's lines, logs
 *       in as {@code netns} if it found one, else prints NONE.</li>
 *   <li>{@code broadcast-echo ADDRESS PORT}: the broadcast echo client on standard input.</li>
 * </ul>
 */
public final class NamespaceChild {

  private static final Duration LIFETIME = Duration.ofSeconds(60);

  private NamespaceChild() {
  }

  public static void main(String[] args) throws Exception {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    switch (args[0]) {
      case "server" -> server(Integer.parseInt(args[1]), out);
      case "echo" -> echo(Integer.parseInt(args[1]), out);
      case "discover" -> discover(Integer.parseInt(args[1]), out);
      case "broadcast-echo" -> broadcastEcho(args[1], Integer.parseInt(args[2]), out);
      default -> throw new IllegalArgumentException(args[0]);
    }
    out.flush();
    System.exit(0);
  }

  private static void server(int port, PrintWriter out) throws Exception {
    try (ChatServer server = new ChatServer(ChatServerConfig.builder()
        .bindAddress(new InetSocketAddress(port)).build()).start()) {
      out.println("READY");
      Thread.sleep(LIFETIME.toMillis());
    }
  }

  private static void echo(int port, PrintWriter out) throws Exception {
    try (DatagramChannel channel = DatagramChannel.open()) {
      channel.bind(new InetSocketAddress(port));
      out.println("READY");
      ByteBuffer buffer = ByteBuffer.allocate(DatagramSize.MAX_UDP_PAYLOAD);
      long deadline = System.nanoTime() + LIFETIME.toNanos();
      channel.configureBlocking(false);
      while (System.nanoTime() < deadline) {
        buffer.clear();
        var from = channel.receive(buffer);
        if (from == null) {
          Thread.sleep(5);
          continue;
        }
        channel.send(buffer.flip(), from);
      }
    }
  }

  private static void discover(int port, PrintWriter out) throws Exception {
    Optional<InetSocketAddress> found = new ServerDiscovery(port, ServerDiscovery.DEFAULT_TIMEOUT)
        .find(address -> out.println("Broadcasting for a server on "
            + address.getHostAddress()));
    if (found.isEmpty()) {
      out.println("NONE");
      return;
    }
    InetAddress server = found.get().getAddress();
    out.println("Found a server at " + server.getHostAddress() + ":" + found.get().getPort());
    try (ChatClient client = ChatClient.open(ChatClientConfig.builder().server(found.get())
        .login(3, Duration.ofSeconds(2)).build(), new ChatDisplay(out, out))) {
      client.login("netns");
    }
  }

  private static void broadcastEcho(String address, int port, PrintWriter out) throws Exception {
    try (BroadcastEcho echo = new BroadcastEcho(
        new InetSocketAddress(InetAddress.getByName(address), port))) {
      echo.run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out,
          Duration.ofMillis(1500));
    }
  }
}
