package dev.netkit.cli.tour;

import dev.netkit.chat.client.ChatClient;
import dev.netkit.chat.client.ChatClientConfig;
import dev.netkit.chat.client.ChatDisplay;
import dev.netkit.chat.server.ChatServer;
import dev.netkit.chat.server.ChatServerConfig;
import dev.netkit.codec.chat.ChatEvent;
import dev.netkit.codec.chat.ChatFrame;
import dev.netkit.codec.chat.ChatFrameCodec;
import java.io.PrintWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Chapter 19: the chat server with two scripted clients (login, join, public and private
 * messages, {@code /users}, {@code /channels}) and a third that vanishes without logging off and
 * is logged out by the server after a short, configured silence.
 */
final class ChatStep implements TourStep {

  private static final InetSocketAddress LOOPBACK_ANY =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  private static final Duration AUTO_LOGOUT = Duration.ofSeconds(2);
  private static final Duration CHECK_INTERVAL = Duration.ofMillis(250);
  private static final Duration KEEP_ALIVE = Duration.ofMillis(500);
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final int BOOK_CHANNELS = 5;

  @Override
  public String name() {
    return "chat";
  }

  @Override
  public String chapter() {
    return "chapter 19: UDP chat server, two scripted clients, auto-logout of a vanished one";
  }

  @Override
  public void run(StepContext context) throws Exception {
    ChatServer server = context.use(new ChatServer(ChatServerConfig.builder()
        .bindAddress(LOOPBACK_ANY).autoLogout(AUTO_LOGOUT).checkInterval(CHECK_INTERVAL)
        .build()).start());
    context.say("chat-server on " + Addresses.show(server.localAddress())
        + ", logs out users silent for " + AUTO_LOGOUT.toSeconds() + " s (the book: 120 s)");
    SayingWriter alice = new SayingWriter(context, "alice | ");
    SayingWriter bob = new SayingWriter(context, "bob   | ");
    ChatClient aliceClient = context.use(client(server, alice));
    ChatClient bobClient = context.use(client(server, bob));
    aliceClient.login("alice");
    bobClient.login("bob");
    aliceClient.join("Weather");
    Waits.until(() -> alice.saw("Welcome to the Weather Channel"), WAIT, "alice joins Weather");
    bobClient.join("weather");
    Waits.until(() -> alice.saw("<bob has entered Weather>"), WAIT, "alice sees bob join");
    aliceClient.sendPublic("rain again");
    Waits.until(() -> bob.saw("alice [Weather]: rain again"), WAIT, "bob gets the public message");
    bobClient.sendPrivate("alice", "bring an umbrella");
    Waits.until(() -> alice.saw("bob [**private**]: bring an umbrella"), WAIT,
        "alice gets the private message");
    aliceClient.listUsers();
    Waits.until(() -> count(alice, "(on ") == 2, WAIT, "alice lists both users of Weather");
    bobClient.listChannels();
    Waits.until(() -> count(bob, " users") >= BOOK_CHANNELS + 1, WAIT,
        "bob lists the book's five channels");
    vanishingClient(context, server.localAddress(), alice);
  }

  private static ChatClient client(ChatServer server, SayingWriter display) throws Exception {
    PrintWriter writer = new PrintWriter(display, true);
    return ChatClient.open(ChatClientConfig.builder().server(server.localAddress())
        .keepAliveInterval(KEEP_ALIVE).build(), new ChatDisplay(writer, writer));
  }

  private static long count(SayingWriter display, String text) {
    return display.lines().stream().filter(line -> line.contains(text)).count();
  }

  /** A client that logs in and joins with raw datagrams, then goes away without LOGOFF. */
  private static void vanishingClient(StepContext context, InetSocketAddress server,
      SayingWriter alice) throws Exception {
    ChatFrameCodec codec = new ChatFrameCodec();
    try (DatagramSocket carol = new DatagramSocket(LOOPBACK_ANY)) {
      carol.connect(server);
      for (ChatFrame frame : new ChatFrame[] {ChatFrame.of(ChatEvent.LOGIN_REQ, "carol"),
          ChatFrame.of(ChatEvent.JOIN_REQ, "Weather")}) {
        byte[] bytes = codec.encode(frame);
        carol.send(new DatagramPacket(bytes, bytes.length));
      }
      Waits.until(() -> alice.saw("<carol has entered Weather>"), WAIT, "alice sees carol join");
    }
    long vanished = System.nanoTime();
    context.say("carol | (raw datagrams: LOGIN_REQ, JOIN_REQ, then gone without LOGOFF)");
    Waits.until(() -> alice.saw("<carol has left Weather>"), AUTO_LOGOUT.multipliedBy(3),
        "the server logs carol out");
    context.say("chat-server logged carol out after "
        + Duration.ofNanos(System.nanoTime() - vanished).toMillis() + " ms of silence");
  }
}
