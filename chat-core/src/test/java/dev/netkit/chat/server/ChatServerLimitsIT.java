package dev.netkit.chat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.netkit.chat.testing.ChatFixture;
import dev.netkit.chat.testing.ChatPeer;
import dev.netkit.codec.chat.ChannelInfo;
import dev.netkit.codec.chat.ChatErrors;
import dev.netkit.codec.chat.ChatFrame;
import dev.netkit.codec.chat.JoinAck;
import dev.netkit.codec.chat.JoinRequest;
import dev.netkit.codec.chat.ListChannels;
import dev.netkit.codec.chat.PublicMessage;
import dev.netkit.codec.chat.SendPublic;
import dev.netkit.codec.chat.StillHere;
import dev.netkit.codec.chat.UserParts;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Keep-alive, auto-logout, the ERROR rate limit and a junk flood. */
class ChatServerLimitsIT {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String WEATHER = "Talk about the weather";

  @RegisterExtension
  final ChatFixture chat = new ChatFixture();
  private ChatServer server;

  private InetSocketAddress start(UnaryOperator<ChatServerConfig.Builder> settings)
      throws Exception {
    server = chat.startServer(settings);
    return server.localAddress();
  }

  @Test
  void silentUsersAreLoggedOutWithNoticesWhileTalkingOnesStay() throws Exception {
    InetSocketAddress address = start(b -> b.autoLogout(Duration.ofMillis(600))
        .checkInterval(Duration.ofMillis(100)));
    ChatPeer alice = chat.peer(address, "127.0.0.1").login("alice");
    ChatPeer bob = chat.peer(address, "127.0.0.1").login("bob");
    bob.join("Weather");
    alice.sendAndExpect(new JoinRequest("Weather"),
        new JoinAck(ChannelInfo.of("Weather", 2, WEATHER)));
    bob.expect(new dev.netkit.codec.chat.UserJoins("Weather", "alice"));

    List<ChatFrame> seen = new ArrayList<>();
    await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
      alice.send(new StillHere());
      seen.addAll(alice.drain());
      return !seen.isEmpty();
    });

    assertThat(seen).containsExactly(new UserParts("Weather", "bob").toFrame());
    bob.sendAndExpectError(new SendPublic("am I still here?"), ChatErrors.PLEASE_LOG_IN);
    alice.sendAndExpect(new SendPublic("yes"), new PublicMessage("Weather", "alice", "yes"));
    assertThat(server.stats().autoLogouts()).isEqualTo(1);
  }

  @Test
  void theLogoutCheckRunsWhenNothingArrivesAtAll() throws Exception {
    InetSocketAddress address = start(b -> b.autoLogout(Duration.ofMillis(300))
        .checkInterval(Duration.ofMillis(100)));
    chat.peer(address, "127.0.0.1").login("alice");
    await().atMost(WAIT).until(() -> server.stats().users() == 1);

    await().atMost(WAIT).until(() -> server.stats().users() == 0);

    assertThat(server.stats().autoLogouts()).isEqualTo(1);
  }

  @Test
  void errorsToAnUnknownSourceAreRateLimitedButANewSourceIsAnswered() throws Exception {
    InetSocketAddress address = start(b -> b.errorRateLimit(5, 0.001, 100));
    ChatPeer prober = chat.peer(address, "127.0.0.9");
    ChatPeer samehost = chat.peer(address, "127.0.0.9");

    for (int i = 0; i < 50; i++) {
      prober.send(0, "");
    }
    samehost.send(0, "");
    await().atMost(WAIT).until(() -> server.stats().errorsRateLimited() == 46);

    assertThat(prober.drain()).hasSize(5).allSatisfy(frame -> assertThat(frame.text())
        .isEqualTo(ChatErrors.PLEASE_LOG_IN));
    assertThat(samehost.drain()).isEmpty();
    ChatPeer discovery = chat.peer(address, "127.0.0.10");
    discovery.sendAndExpectError(0, "", ChatErrors.PLEASE_LOG_IN);
  }

  @Test
  void aLoggedInUsersErrorsAreNotLimited() throws Exception {
    InetSocketAddress address = start(b -> b.errorRateLimit(1, 0.001, 100));
    ChatPeer alice = chat.peer(address, "127.0.0.11").login("alice");

    for (int i = 0; i < 10; i++) {
      alice.sendAndExpectError(new SendPublic("nobody hears me"), ChatErrors.NO_CURRENT_CHANNEL);
    }
  }

  @Test
  void theRateLimitTableIsBounded() throws Exception {
    InetSocketAddress address = start(b -> b.errorRateLimit(2, 0.001, 16));

    for (int i = 1; i <= 100; i++) {
      try (ChatPeer prober = ChatPeer.open(address, "127.0.1." + i)) {
        prober.sendAndExpectError(0, "", ChatErrors.PLEASE_LOG_IN);
      }
    }

    await().atMost(WAIT).until(() -> server.stats().errorsSent() == 100);
    assertThat(server.stats().rateLimitSources()).isEqualTo(16);
  }

  @Test
  void aJunkFloodLeavesTheServerServingWithBoundedTables() throws Exception {
    int maxUsers = 64;
    int sources = 32;
    InetSocketAddress address = start(b -> b.maxUsers(maxUsers).logDatagrams(false)
        .errorRateLimit(3, 1, sources).receiveBufferSize(1 << 20));
    List<ChatPeer> flooders = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      flooders.add(chat.peer(address, "127.0.2." + (i + 1)));
    }
    Random random = new Random(20_27);
    int datagrams = 40_000;
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();

    for (int i = 0; i < datagrams && System.nanoTime() < deadline; i++) {
      flooders.get(random.nextInt(flooders.size())).sendRaw(junk(random));
      if (i % 2_000 == 0) {
        flooders.forEach(ChatPeer::drain);
      }
    }

    await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(new StableCount());
    ChatServerStats stats = server.stats();
    assertThat(stats.datagramsReceived()).isGreaterThan(datagrams / 2);
    assertThat(stats.users()).isLessThanOrEqualTo(maxUsers);
    assertThat(stats.rateLimitSources()).isLessThanOrEqualTo(sources);
    assertThat(server.isRunning()).isTrue();
    for (ChatPeer flooder : flooders) {
      flooder.send(dev.netkit.codec.chat.Logoff.withoutNick());
    }
    await().atMost(WAIT).until(() -> server.stats().users() == 0);
    ChatPeer alice = chat.peer(address, "127.0.0.1").login("alice");
    ChatPeer bob = chat.peer(address, "127.0.0.1").login("bob");
    alice.join("Pets");
    bob.join("pets");
    bob.send(new SendPublic("still standing"));
    alice.sync();
    bob.expect(new PublicMessage("Pets", "bob", "still standing"));
    alice.send(new ListChannels());
    assertThat(alice.sync()).hasSize(5);
  }

  /**
   * Issue 15, finding 3: before, one IP address (one login per port) filled the whole user
   * table, and everyone else got {@code server full}.
   */
  @Test
  void oneAddressCannotFillTheServerButAnotherCanStillLogIn() throws Exception {
    int perAddress = ChatServerConfig.DEFAULT_MAX_USERS_PER_ADDRESS;
    InetSocketAddress address = start(b -> b.maxUsers(perAddress + 10).logDatagrams(false));
    List<ChatPeer> sameHost = new ArrayList<>();
    for (int i = 0; i < perAddress; i++) {
      sameHost.add(chat.peer(address, "127.0.0.20").login("u" + i));
    }

    ChatPeer oneTooMany = chat.peer(address, "127.0.0.20");
    oneTooMany.sendAndExpectError(new dev.netkit.codec.chat.LoginRequest("extra"),
        ChatErrors.TOO_MANY_USERS_FROM_ADDRESS);
    chat.peer(address, "127.0.0.21").login("elsewhere");
    // The server's statistics are published after the turn that sent the acknowledgement.
    await().atMost(WAIT).untilAsserted(
        () -> assertThat(server.stats().users()).isEqualTo(perAddress + 1));

    sameHost.get(0).send(dev.netkit.codec.chat.Logoff.withoutNick());
    await().atMost(WAIT).until(() -> server.stats().users() == perAddress);
    oneTooMany.login("extra");
  }

  /** Random junk, about half of it almost valid: known codes, words, bad UTF-8, odd sizes. */
  private static byte[] junk(Random random) {
    int kind = random.nextInt(6);
    int[] codes = {0, 10, 20, 40, 50, 70, 90, 120, 160, 180, 200, 210, 999, 65535};
    int code = codes[random.nextInt(codes.length)];
    byte[] payload = switch (kind) {
      case 0 -> new byte[random.nextInt(2)];
      case 1 -> randomBytes(random, 1025 + random.nextInt(2000));
      case 2 -> randomBytes(random, random.nextInt(200));
      case 3 -> ("n" + random.nextInt(1000)).getBytes(StandardCharsets.UTF_8);
      case 4 -> new byte[] {(byte) 0xc0, (byte) 0x80, (byte) 0xed, (byte) 0xa0, (byte) 0x80};
      default -> ("Weather x" + random.nextInt()).getBytes(StandardCharsets.UTF_8);
    };
    if (kind == 0) {
      return payload;
    }
    byte[] datagram = new byte[payload.length + 2];
    datagram[0] = (byte) (code >>> 8);
    datagram[1] = (byte) code;
    System.arraycopy(payload, 0, datagram, 2, payload.length);
    return datagram;
  }

  private static byte[] randomBytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  /** True once the received count has stopped moving between two polls. */
  private final class StableCount implements java.util.concurrent.Callable<Boolean> {
    private long last = -1;

    @Override
    public Boolean call() {
      long now = server.stats().datagramsReceived();
      boolean stable = now == last;
      last = now;
      return stable;
    }
  }
}
