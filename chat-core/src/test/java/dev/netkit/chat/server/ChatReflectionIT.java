package dev.netkit.chat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.netkit.chat.testing.ChatFixture;
import dev.netkit.netns.ForgedDatagrams;
import dev.netkit.netns.ForgedDatagrams.Forged;
import dev.netkit.netns.RequiresForgedDatagrams;
import dev.netkit.server.ReplyRateConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Reflection and amplification through the chat server (issue 15, finding 2): logging in needs
 * no handshake, so a forged LOGIN_REQ, JOIN_REQ and LIST_USERS make the server send one
 * USER_ITEM per channel member to whatever address the attacker names. The per-address
 * response budget bounds what that address gets. Forged datagrams need a raw socket (root).
 */
@RequiresForgedDatagrams
class ChatReflectionIT {

  private static final int LOGIN_REQ = 20;
  private static final int JOIN_REQ = 50;
  private static final int LIST_USERS = 180;
  private static final int MEMBERS = 300;
  private static final int BATCH = 100;
  private static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension
  final ChatFixture chat = new ChatFixture();

  @Test
  void aForgedSourceGetsNoMoreThanItsBudget() throws Exception {
    ChatServer server = startWithMembers(MEMBERS, b -> b.replyRate(ReplyRateConfig.builder()
        .datagramsPerSecond(100).build()));
    Victim victim = chat.use(new Victim());

    Flood flood = forgeListUsers(server, victim, 20);

    // Before the budget: 20 × 301 USER_ITEMs (6,000+ datagrams) for 24 forged datagrams.
    assertThat(flood.datagramsOut()).isLessThan(1_500);
    assertThat(server.stats().repliesRateLimited()).isPositive();
  }

  @Test
  void theDefaultBudgetDoesNotCutARealUsersListInAFullChannel() throws Exception {
    int members = ChatServerConfig.DEFAULT_MAX_USERS - 1;
    ChatServer server = startWithMembers(members, b -> b);
    Victim client = chat.use(new Victim());

    client.send(server.localAddress(), frame(LOGIN_REQ, "client"));
    client.send(server.localAddress(), frame(JOIN_REQ, "Pets"));
    client.send(server.localAddress(), frame(LIST_USERS, ""));

    // LOGIN_ACK, JOIN_ACK, then one USER_ITEM per member, the client included.
    await().atMost(WAIT).until(() -> client.datagrams.get() == members + 3);
    client.awaitQuiet();
    assertThat(client.datagrams.get()).isEqualTo(members + 3);
  }

  @Test
  void datagramsFromServicePortsAreIgnored() throws Exception {
    ChatServer server = chat.startServer();
    InetSocketAddress echoPort = new InetSocketAddress(InetAddress.getLoopbackAddress(), 7);

    ForgedDatagrams.send(echoPort, server.localAddress(), List.of(frame(LOGIN_REQ, "echo"),
        frame(LIST_USERS, "")));
    ForgedDatagrams.send(server.localAddress(), server.localAddress(),
        List.of(frame(LOGIN_REQ, "self")));

    await().atMost(WAIT).until(() -> server.stats().refusedSources() == 3);
    assertThat(server.stats().users()).isZero();
    assertThat(server.stats().errorsSent()).isZero();
  }

  /** Not a pass/fail test: prints the amplification a forged source still gets by default. */
  @Test
  void reportsTheAmplificationThatRemainsByDefault() throws Exception {
    ChatServer server = startWithMembers(MEMBERS, b -> b);
    Victim victim = chat.use(new Victim());
    long heldBefore = server.stats().repliesRateLimited();

    Flood flood = forgeListUsers(server, victim, 100);

    System.out.printf(Locale.ROOT, "chat amplification, channel of %d, 100 forged LIST_USERS: "
            + "%d datagrams in (%d B) -> %d datagrams out (%d B) in %.1f s: %.0fx datagrams, "
            + "%.0fx bytes; %d held back by the budget%n", MEMBERS + 1, flood.datagramsIn,
        flood.bytesIn, flood.datagramsOut(), flood.bytesOut(), flood.seconds,
        (double) flood.datagramsOut() / flood.datagramsIn,
        (double) flood.bytesOut() / flood.bytesIn,
        server.stats().repliesRateLimited() - heldBefore);
    assertThat(flood.datagramsOut()).isPositive();
  }

  /** A server with {@code count} members (forged, from 127.0.0.3) in channel Pets. */
  private ChatServer startWithMembers(int count,
      UnaryOperator<ChatServerConfig.Builder> settings) throws Exception {
    // The members share one address: lift the per-address user limit for them.
    ChatServer server = chat.startServer(b -> settings.apply(b.logDatagrams(false)
        .maxUsersPerAddress(ChatServerConfig.DEFAULT_MAX_USERS).receiveBufferSize(1 << 22)));
    InetAddress members = InetAddress.getByName("127.0.0.3");
    for (int first = 0; first < count; first += BATCH) {
      List<Forged> batch = new ArrayList<>();
      int end = Math.min(count, first + BATCH);
      for (int i = first; i < end; i++) {
        InetSocketAddress member = new InetSocketAddress(members, 20_000 + i);
        batch.add(new Forged(member, server.localAddress(), frame(LOGIN_REQ, "m" + i)));
        batch.add(new Forged(member, server.localAddress(), frame(JOIN_REQ, "Pets")));
      }
      ForgedDatagrams.send(batch);
      int expected = end;
      await().atMost(WAIT).until(() -> server.stats().users() == expected);
    }
    return server;
  }

  /** Logs the victim in, joins Pets and asks for the user list {@code times} times. */
  private Flood forgeListUsers(ChatServer server, Victim victim, int times) throws Exception {
    List<byte[]> forged = new ArrayList<>(List.of(frame(LOGIN_REQ, "victim"),
        frame(JOIN_REQ, "Pets")));
    for (int i = 0; i < times; i++) {
      forged.add(frame(LIST_USERS, ""));
    }
    long started = System.nanoTime();
    ForgedDatagrams.send(victim.address(), server.localAddress(), forged);
    victim.awaitQuiet();
    Flood flood = new Flood(forged.size(), forged.stream().mapToLong(f -> f.length).sum(),
        victim, (System.nanoTime() - started) / 1e9);
    return flood;
  }

  private static byte[] frame(int code, String text) {
    byte[] payload = text.getBytes(StandardCharsets.US_ASCII);
    return ByteBuffer.allocate(2 + payload.length).putShort((short) code).put(payload).array();
  }

  /** What the victim got for what the attacker sent. */
  private record Flood(long datagramsIn, long bytesIn, Victim victim, double seconds) {
    long datagramsOut() {
      return victim.datagrams.get();
    }

    long bytesOut() {
      return victim.bytes.get();
    }
  }

  /** The address the attacker forges: 127.0.0.2, counting what arrives on a thread of its own. */
  private static final class Victim implements AutoCloseable {
    final AtomicLong datagrams = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    private final DatagramChannel channel;
    private final Thread reader;

    Victim() throws IOException {
      channel = DatagramChannel.open();
      channel.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 22);
      channel.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
      reader = new Thread(this::read, "victim");
      reader.setDaemon(true);
      reader.start();
    }

    void send(InetSocketAddress to, byte[] datagram) throws IOException {
      channel.send(ByteBuffer.wrap(datagram), to);
    }

    InetSocketAddress address() throws IOException {
      return (InetSocketAddress) channel.getLocalAddress();
    }

    /** Waits until nothing more arrives for half a second. */
    void awaitQuiet() {
      long[] last = {-1};
      await().atMost(WAIT).pollDelay(Duration.ofMillis(500)).pollInterval(Duration.ofMillis(500))
          .until(() -> {
            long now = datagrams.get();
            boolean same = now == last[0];
            last[0] = now;
            return same && now > 0;
          });
    }

    private void read() {
      ByteBuffer buffer = ByteBuffer.allocate(65_536);
      try {
        while (true) {
          buffer.clear();
          channel.receive(buffer);
          datagrams.incrementAndGet();
          bytes.addAndGet(buffer.position());
        }
      } catch (IOException e) {
        // closed: done
      }
    }

    @Override
    public void close() throws Exception {
      channel.close();
      reader.join(5_000);
    }
  }
}
