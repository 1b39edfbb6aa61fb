package dev.netkit.multicast;

import dev.netkit.chat.ChannelDefinition;
import dev.netkit.chat.client.ChatClient;
import dev.netkit.chat.client.ChatClientConfig;
import dev.netkit.chat.client.ChatDisplay;
import dev.netkit.chat.server.ChatServer;
import dev.netkit.chat.server.ChatServerConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Programs the namespace tests run in child JVMs inside network namespaces, so that multicast
 * only ever sees the namespaces' own interfaces. Each ends by itself after {@link #LIFETIME} or
 * at the end of its standard input.
 *
 * <ul>
 *   <li>{@code peer}: a multicast socket driven by commands on standard input (see
 *       {@link #command}); prints {@code OK <command>} or {@code ERR <command>: <message>} after
 *       each, and {@code RECV <sender address>: <text>} for each datagram received.</li>
 *   <li>{@code beacon-server PORT GROUP TTL PERIOD_MS [IFACE]}: a time beacon; prints READY.</li>
 *   <li>{@code beacon-client PORT GROUP [IFACE]}: prints each beacon as {@code sender: text}.</li>
 *   <li>{@code chat-server PORT MPORT IFACE [shared]}: the multicast chat server; with
 *       {@code shared}, Weather and Pets share group 225.1.0.9; prints READY.</li>
 *   <li>{@code chat-client SERVER PORT NICK follow|MPORT}: a multicast chat client printing the
 *       chat-client display lines; standard input: {@code /join T}, {@code /part T} or text.</li>
 * </ul>
 */
public final class NamespaceChild {

  private static final Duration LIFETIME = Duration.ofSeconds(90);

  private NamespaceChild() {
  }

  public static void main(String[] args) throws Exception {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    Thread watchdog = new Thread(() -> {
      try {
        Thread.sleep(LIFETIME.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      Runtime.getRuntime().halt(3);
    });
    watchdog.setDaemon(true);
    watchdog.start();
    switch (args[0]) {
      case "peer" -> peer(out);
      case "beacon-server" -> beaconServer(args, out);
      case "beacon-client" -> beaconClient(args, out);
      case "chat-server" -> chatServer(args, out);
      case "chat-client" -> chatClient(args, out);
      default -> throw new IllegalArgumentException(args[0]);
    }
    out.flush();
    System.exit(0);
  }

  private static BufferedReader stdin() {
    return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
  }

  private static void peer(PrintWriter out) throws Exception {
    Peer peer = new Peer(out);
    try (BufferedReader in = stdin()) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        try {
          peer.command(line.strip().split(" ", 5));
          out.println("OK " + line.strip());
        } catch (Exception e) {
          out.println("ERR " + line.strip() + ": " + e.getMessage());
        }
      }
    }
  }

  /** The state of a {@code peer}: one receiving endpoint and senders by source address. */
  private static final class Peer {
    private final PrintWriter out;
    private final Map<String, MulticastEndpoint> senders = new HashMap<>();
    private MulticastEndpoint receiver;
    private int ttl = 1;
    private String outgoing;

    Peer(PrintWriter out) {
      this.out = out;
    }

    /**
     * Runs one command: {@code open PORT [6]} (6: IPv6), {@code join GROUP [IFACE [SOURCE]]},
     * {@code drop GROUP}, {@code block GROUP SOURCE}, {@code unblock GROUP SOURCE},
     * {@code groups}, {@code ttl N}, {@code iface NAME}, {@code send FROM|- GROUP PORT TEXT}.
     */
    void command(String[] words) throws Exception {
      switch (words[0]) {
        case "open" -> open(Integer.parseInt(words[1]), words.length > 2
            ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        case "join" -> {
          InetAddress group = InetAddress.getByName(words[1]);
          if (words.length == 2) {
            receiver.join(group);
          } else if (words.length == 3) {
            receiver.join(group, MulticastInterfaces.byName(words[2]));
          } else {
            receiver.join(group, MulticastInterfaces.byName(words[2]),
                InetAddress.getByName(words[3]));
          }
        }
        case "drop" -> receiver.drop(InetAddress.getByName(words[1]));
        case "block" -> receiver.block(InetAddress.getByName(words[1]),
            InetAddress.getByName(words[2]));
        case "unblock" -> receiver.unblock(InetAddress.getByName(words[1]),
            InetAddress.getByName(words[2]));
        case "groups" -> out.println("GROUPS " + receiver.memberships().stream()
            .map(Object::toString).collect(Collectors.joining(", ")));
        case "ttl" -> ttl = Integer.parseInt(words[1]);
        case "iface" -> outgoing = words[1];
        case "send" -> sender(words[1], InetAddress.getByName(words[2])).send(
            ByteBuffer.wrap(words[4].getBytes(StandardCharsets.UTF_8)),
            new InetSocketAddress(InetAddress.getByName(words[2]), Integer.parseInt(words[3])));
        default -> throw new IllegalArgumentException("unknown command " + words[0]);
      }
    }

    private void open(int port, StandardProtocolFamily family) throws Exception {
      receiver = MulticastEndpoint.open(family).bind(port);
      MulticastEndpoint socket = receiver;
      Thread thread = new Thread(() -> {
        ByteBuffer buffer = ByteBuffer.allocate(2048);
        while (true) {
          buffer.clear();
          try {
            InetSocketAddress from = socket.receive(buffer);
            buffer.flip();
            synchronized (out) {
              out.println("RECV " + from.getAddress().getHostAddress() + ": "
                  + StandardCharsets.UTF_8.decode(buffer));
            }
          } catch (Exception e) {
            return;
          }
        }
      });
      thread.setDaemon(true);
      thread.start();
    }

    private MulticastEndpoint sender(String from, InetAddress group) throws Exception {
      MulticastEndpoint sender = senders.get(from + " " + group);
      if (sender == null) {
        sender = MulticastEndpoint.forGroup(group);
        sender.bind(from.equals("-") ? new InetSocketAddress(0)
            : new InetSocketAddress(InetAddress.getByName(from), 0));
        senders.put(from + " " + group, sender);
      }
      sender.setTimeToLive(ttl).setLoopback(true);
      if (outgoing != null) {
        sender.setOutgoingInterface(outgoing);
      }
      return sender;
    }
  }

  private static void beaconServer(String[] args, PrintWriter out) throws Exception {
    TimeBeaconConfig config = TimeBeaconConfig.builder()
        .target(InetAddress.getByName(args[2]), Integer.parseInt(args[1]))
        .timeToLive(Integer.parseInt(args[3]))
        .period(Duration.ofMillis(Long.parseLong(args[4])))
        .outgoingInterface(args.length > 5 ? args[5] : null).build();
    try (TimeBeaconServer server = new TimeBeaconServer(config).start()) {
      out.println("READY");
      Thread.sleep(LIFETIME.toMillis());
    }
  }

  private static void beaconClient(String[] args, PrintWriter out) throws Exception {
    Optional<java.net.NetworkInterface> iface = args.length > 3
        ? Optional.of(MulticastInterfaces.byName(args[3])) : Optional.empty();
    try (TimeBeaconReceiver receiver = TimeBeaconReceiver.open(Integer.parseInt(args[1]),
        InetAddress.getByName(args[2]), iface)) {
      out.println("READY");
      while (true) {
        out.println(receiver.receive());
      }
    }
  }

  private static void chatServer(String[] args, PrintWriter out) throws Exception {
    ChatServerConfig.Builder base = ChatServerConfig.builder()
        .bindAddress(new InetSocketAddress(Integer.parseInt(args[1])));
    if (args.length > 4) {
      base.channels(List.of(
          ChannelDefinition.multicast("Weather", "Talk about the weather", "225.1.0.9"),
          ChannelDefinition.multicast("Pets", "For our furry and feathered friends", "225.1.0.9"),
          ChannelDefinition.multicast("Hobbies", "For hobbyists of all types", "225.1.0.4")));
    }
    MulticastFanOutConfig settings = MulticastFanOutConfig.builder()
        .port(Integer.parseInt(args[2])).timeToLive(1).outgoingInterface(args[3]).build();
    try (ChatServer server = MulticastFanOut.server(base.build(), settings).start()) {
      out.println("READY");
      Thread.sleep(LIFETIME.toMillis());
    }
  }

  private static void chatClient(String[] args, PrintWriter out) throws Exception {
    InetSocketAddress server = new InetSocketAddress(InetAddress.getByName(args[1]),
        Integer.parseInt(args[2]));
    MulticastChatClientConfig settings = args[4].equals("follow")
        ? MulticastChatClientConfig.defaults()
        : MulticastChatClientConfig.builder().fixedPort(Integer.parseInt(args[4])).build();
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    try (MulticastChatClient multicast = MulticastChatClient.open(
        ChatClientConfig.builder().server(server).login(3, Duration.ofSeconds(2)).build(),
        new ChatDisplay(out, err), settings);
        BufferedReader in = stdin()) {
      ChatClient client = multicast.chatClient();
      client.login(args[3]);
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("/join ")) {
          client.join(line.substring(6));
        } else if (line.startsWith("/part ")) {
          client.part(line.substring(6));
        } else if (line.equals("/port")) {
          out.println("PORT " + multicast.dataPort());
        } else {
          client.sendPublic(line);
        }
      }
    }
  }

}
