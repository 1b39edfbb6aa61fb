package dev.netkit.chat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.netkit.codec.chat.ChatPayload;
import dev.netkit.codec.chat.ErrorMessage;
import dev.netkit.codec.chat.LoginAck;
import dev.netkit.codec.chat.LoginRequest;
import dev.netkit.codec.chat.Logoff;
import dev.netkit.codec.chat.StillHere;
import java.io.IOException;
import java.net.PortUnreachableException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client's session state machine without sockets: a scripted server answers each send. */
class ChatSessionTest {

  private static final Duration NEVER = Duration.ofMinutes(5);

  private final List<ChatPayload> sent = new CopyOnWriteArrayList<>();
  private final List<ChatSession.State> statesWhenSent = new CopyOnWriteArrayList<>();
  private ChatSession session;

  @AfterEach
  void close() {
    if (session != null) {
      session.close();
    }
  }

  /**
   * Opens a session whose server answers each LOGIN_REQ with what {@code server} returns (null:
   * no answer) and throws {@code PortUnreachableException} for {@code StillHere} sends never.
   */
  private ChatSession session(int tries, Duration interval, Duration keepAlive,
      Function<LoginRequest, ChatPayload> server) {
    ChatClientConfig config = ChatClientConfig.builder().login(tries, interval)
        .keepAliveInterval(keepAlive).build();
    ChatSession[] created = new ChatSession[1];
    created[0] = new ChatSession(config, payload -> {
      sent.add(payload);
      statesWhenSent.add(created[0].state());
      if (payload instanceof LoginRequest request) {
        ChatPayload answer = server.apply(request);
        if (answer != null) {
          created[0].onServerPayload(answer);
        }
      }
    });
    session = created[0];
    return session;
  }

  @Test
  void aLoginAckLogsIn() throws Exception {
    ChatSession session = session(5, NEVER, NEVER, request -> new LoginAck(request.nick()));
    assertThat(session.state()).isEqualTo(ChatSession.State.LOGGED_OUT);

    assertThat(session.login("lincoln", attempt -> { })).isEqualTo("lincoln");

    assertThat(session.state()).isEqualTo(ChatSession.State.LOGGED_IN);
    assertThat(session.nickname()).hasValue("lincoln");
    assertThat(sent).containsExactly(new LoginRequest("lincoln"));
    assertThat(statesWhenSent).containsExactly(ChatSession.State.LOGGING_IN);
  }

  @Test
  void anErrorRefusesTheLogin() {
    ChatSession session = session(5, NEVER, NEVER,
        request -> new ErrorMessage("nickname already in use"));

    assertThatThrownBy(() -> session.login("lincoln", attempt -> { }))
        .isInstanceOf(LoginRefusedException.class)
        .hasMessageContaining("nickname already in use");
    assertThat(session.state()).isEqualTo(ChatSession.State.LOGGED_OUT);
    assertThat(session.nickname()).isEmpty();
  }

  @Test
  void silenceToEveryTryTimesOut() {
    List<Integer> attempts = new ArrayList<>();
    ChatSession session = session(3, Duration.ofMillis(10), NEVER, request -> null);

    assertThatThrownBy(() -> session.login("lincoln", attempts::add))
        .isInstanceOf(LoginTimeoutException.class)
        .hasMessageContaining("3 LOGIN_REQ tries 10 ms apart");
    assertThat(attempts).containsExactly(1, 2, 3);
    assertThat(sent).hasSize(3).containsOnly(new LoginRequest("lincoln"));
    assertThat(session.state()).isEqualTo(ChatSession.State.LOGGED_OUT);
  }

  @Test
  void aTryThatCannotLeaveCountsAsLost() throws Exception {
    ChatClientConfig config = ChatClientConfig.builder().login(2, Duration.ofMillis(10)).build();
    int[] sends = new int[1];
    ChatSession[] created = new ChatSession[1];
    created[0] = new ChatSession(config, payload -> {
      if (++sends[0] == 1) {
        throw new PortUnreachableException("ICMP port unreachable");
      }
      created[0].onServerPayload(new LoginAck("lincoln"));
    });
    session = created[0];

    assertThat(session.login("lincoln", attempt -> { })).isEqualTo("lincoln");
    assertThat(sends[0]).isEqualTo(2);
  }

  @Test
  void answersOutsideALoginAreIgnored() {
    ChatSession session = session(5, NEVER, NEVER, request -> null);

    session.onServerPayload(new LoginAck("lincoln"));

    assertThat(session.state()).isEqualTo(ChatSession.State.LOGGED_OUT);
    assertThat(session.nickname()).isEmpty();
  }

  @Test
  void aLoggedInSessionSaysStillHereUntilItLogsOff() throws Exception {
    ChatSession session = session(5, NEVER, Duration.ofMillis(10),
        request -> new LoginAck(request.nick()));
    session.login("lincoln", attempt -> { });

    await().atMost(Duration.ofSeconds(5)).until(() -> sent.contains(new StillHere()));
    session.logoff();

    assertThat(sent).contains(new Logoff(Optional.of("lincoln")));
    assertThat(session.state()).isEqualTo(ChatSession.State.LOGGED_OUT);
    session.logoff();
    assertThat(sent.stream().filter(Logoff.class::isInstance)).hasSize(1);
  }

  @Test
  void aSecondLoginLogsOffFirst() throws Exception {
    ChatSession session = session(5, NEVER, NEVER, request -> new LoginAck(request.nick()));
    session.login("lincoln", attempt -> { });

    session.login("abe", attempt -> { });

    assertThat(sent).containsExactly(new LoginRequest("lincoln"),
        new Logoff(Optional.of("lincoln")), new LoginRequest("abe"));
    assertThat(session.nickname()).hasValue("abe");
  }

  @Test
  void closingLogsOffAndEndsTheSession() throws Exception {
    ChatSession session = session(5, NEVER, NEVER, request -> new LoginAck(request.nick()));
    session.login("lincoln", attempt -> { });

    session.close();
    session.close();

    assertThat(sent).containsExactly(new LoginRequest("lincoln"),
        new Logoff(Optional.of("lincoln")));
    assertThat(session.state()).isEqualTo(ChatSession.State.CLOSED);
    assertThatThrownBy(session::ensureOpen).isInstanceOf(ClosedChannelException.class);
    assertThatThrownBy(() -> session.login("abe", attempt -> { }))
        .isInstanceOf(ClosedChannelException.class);
  }

  @Test
  void closingWakesAWaitingLogin() {
    ChatSession session = session(5, NEVER, NEVER, request -> null);
    CompletableFuture<String> login = CompletableFuture.supplyAsync(() -> {
      try {
        return session.login("lincoln", attempt -> { });
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    await().atMost(Duration.ofSeconds(5)).until(() -> !sent.isEmpty());

    session.close();

    assertThat(login).failsWithin(Duration.ofSeconds(5))
        .withThrowableOfType(ExecutionException.class)
        .havingRootCause().isInstanceOf(ClosedChannelException.class);
  }
}
