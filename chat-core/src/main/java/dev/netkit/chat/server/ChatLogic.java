package dev.netkit.chat.server;

import dev.netkit.chat.Nicknames;
import dev.netkit.codec.MalformedTextException;
import dev.netkit.codec.ProtocolException;
import dev.netkit.codec.TooLongFrameException;
import dev.netkit.codec.chat.ChannelItem;
import dev.netkit.codec.chat.ChatErrors;
import dev.netkit.codec.chat.ChatEvent;
import dev.netkit.codec.chat.ChatFrame;
import dev.netkit.codec.chat.ChatFrameCodec;
import dev.netkit.codec.chat.ChatPayload;
import dev.netkit.codec.chat.ErrorMessage;
import dev.netkit.codec.chat.JoinAck;
import dev.netkit.codec.chat.JoinRequest;
import dev.netkit.codec.chat.LoginAck;
import dev.netkit.codec.chat.LoginRequest;
import dev.netkit.codec.chat.PartAck;
import dev.netkit.codec.chat.PartRequest;
import dev.netkit.codec.chat.PrivateMessage;
import dev.netkit.codec.chat.PublicMessage;
import dev.netkit.codec.chat.SendPrivate;
import dev.netkit.codec.chat.SendPublic;
import dev.netkit.codec.chat.UserItem;
import dev.netkit.codec.chat.UserJoins;
import dev.netkit.codec.chat.UserParts;
import dev.netkit.server.FirstWarnings;
import dev.netkit.server.ReplyPolicy;
import dev.netkit.server.SourceRateLimiter;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chat server's semantics (the book's {@code chat_server.pl} with {@code ChatObjects::User}
 * and {@code ChatObjects::Channel}), independent of sockets and threads: one call per received
 * datagram, one per auto-logout check. Replies go through the {@link DatagramOutbox}, channel
 * traffic through the {@link FanOut}. Every bad input ends in an ERROR reply or a counted drop;
 * nothing a peer sends makes a method throw.
 */
final class ChatLogic {

  private static final Logger LOG = LoggerFactory.getLogger(ChatServer.class);
  private final FirstWarnings warnings = new FirstWarnings(LOG);

  /** A handler for one event code from a logged-in user (the book's %DISPATCH). */
  @FunctionalInterface
  private interface Handler {
    void handle(UserState user, ChatFrame frame, long nowNanos);
  }

  private final ChatServerConfig config;
  private final ChatFrameCodec codec;
  private final ChatDirectory directory;
  private final FanOut fanOut;
  private final DatagramOutbox outbox;
  private final ReplyPolicy policy;
  private final SourceRateLimiter rateLimiter;
  private final Counters counters;
  private final long autoLogoutNanos;
  private final Map<ChatEvent, Handler> dispatch = new EnumMap<>(ChatEvent.class);

  ChatLogic(ChatServerConfig config, FanOut fanOut, DatagramOutbox outbox, ReplyPolicy policy,
      Counters counters) {
    this.config = config;
    this.codec = new ChatFrameCodec(config.maxDatagramSize());
    this.directory = new ChatDirectory(config.channels());
    this.fanOut = fanOut;
    this.outbox = outbox;
    this.counters = counters;
    this.policy = policy;
    this.rateLimiter = new SourceRateLimiter(config.errorRate());
    this.autoLogoutNanos = config.autoLogout().toNanos();
    dispatch.put(ChatEvent.LOGOFF, (user, frame, now) -> logout(user, "logged off"));
    dispatch.put(ChatEvent.JOIN_REQ, this::join);
    dispatch.put(ChatEvent.PART_REQ, this::part);
    dispatch.put(ChatEvent.SEND_PUBLIC, this::sendPublic);
    dispatch.put(ChatEvent.SEND_PRIVATE, this::sendPrivate);
    dispatch.put(ChatEvent.LIST_CHANNELS, this::listChannels);
    dispatch.put(ChatEvent.LIST_USERS, this::listUsers);
    dispatch.put(ChatEvent.STILL_HERE, (user, frame, now) -> { });
  }

  /**
   * Handles one datagram.
   *
   * @param from its source
   * @param datagram its bytes, position to limit (the receive buffer holds one byte more than
   *     the limit, so that an over-long datagram shows as such)
   */
  void onDatagram(InetSocketAddress from, ByteBuffer datagram, long now) {
    counters.datagramsReceived++;
    if (policy.refusesSource(from)) {
      // A service port (echo, chargen, …) or this server's own port: answering could loop.
      counters.refusedSources++;
      return;
    }
    UserState user = directory.userAt(from);
    ChatFrame frame;
    try {
      frame = codec.decode(datagram);
    } catch (TooLongFrameException e) {
      if (user == null) {
        drop(from, e);
      } else {
        user.heard(now);
        error(user, ChatErrors.MESSAGE_TOO_LONG);
      }
      return;
    } catch (ProtocolException e) {
      drop(from, e);
      return;
    }
    if (frame.is(ChatEvent.LOGIN_REQ)) {
      login(from, user, frame, now);
    } else if (user == null) {
      errorToStranger(from, ChatErrors.PLEASE_LOG_IN, now);
    } else {
      user.heard(now);
      dispatch(user, frame, now);
    }
  }

  private void dispatch(UserState user, ChatFrame frame, long now) {
    Handler handler = frame.event().map(dispatch::get).orElse(null);
    if (handler == null) {
      error(user, ChatErrors.UNIMPLEMENTED_EVENT_CODE);
      return;
    }
    try {
      handler.handle(user, frame, now);
    } catch (MalformedTextException e) {
      error(user, ChatErrors.MALFORMED_TEXT);
    }
  }

  private void drop(InetSocketAddress from, ProtocolException e) {
    counters.datagramsDropped++;
    LOG.debug("dropped datagram from {}: {}", from, e.getMessage());
  }

  /** LOGIN_REQ: a new session, or a new nickname for an address that has one (replaced). */
  private void login(InetSocketAddress from, UserState existing, ChatFrame frame, long now) {
    Optional<String> nickname = nicknameIn(frame);
    if (nickname.isEmpty()) {
      reply(from, existing, ChatErrors.INVALID_NICKNAME, now);
      return;
    }
    UserState holder = directory.userNamed(nickname.get());
    if (holder != null && holder != existing) {
      reply(from, existing, ChatErrors.NICKNAME_IN_USE, now);
      return;
    }
    if (existing != null) {
      // The book keeps the old User object, so the old nickname leaks; netkit ends that session.
      logout(existing, "replaced by a new login");
    } else if (directory.userCount() >= config.maxUsers()) {
      reply(from, null, ChatErrors.SERVER_FULL, now);
      return;
    } else if (directory.usersFrom(from.getAddress()) >= config.maxUsersPerAddress()) {
      // One host (one port per login) must not fill the table for everyone else.
      reply(from, null, ChatErrors.TOO_MANY_USERS_FROM_ADDRESS, now);
      return;
    }
    UserState user = new UserState(nickname.get(), from, now);
    directory.add(user);
    event("{} logged in", user);
    outbox.send(new LoginAck(user.nickname()), from);
    for (ChatPayload payload : fanOut.afterLogin(user)) {
      outbox.send(payload, from);
    }
  }

  private Optional<String> nicknameIn(ChatFrame frame) {
    try {
      String nickname = LoginRequest.parse(frame.text()).nick();
      return Nicknames.isValid(nickname, config.maxNicknameLength())
          ? Optional.of(nickname) : Optional.empty();
    } catch (ProtocolException e) {
      return Optional.empty();
    }
  }

  /** LOGOFF, auto-logout, replaced session: part every channel (USER_PARTS), forget the user. */
  private void logout(UserState user, String why) {
    for (ChannelState channel : new ArrayList<>(user.channels())) {
      leave(user, channel);
    }
    directory.remove(user);
    event("{} {}", user, why);
  }

  /** JOIN_REQ: join (notify the members first) or make current, then JOIN_ACK. */
  private void join(UserState user, ChatFrame frame, long now) {
    String text = frame.text();
    if (text.isBlank()) {
      error(user, ChatErrors.NO_CHANNEL_TITLE);
      return;
    }
    ChannelState channel;
    try {
      channel = directory.channelTitled(JoinRequest.parse(text).title());
    } catch (ProtocolException e) {
      channel = null;
    }
    if (channel == null) {
      error(user, ChatErrors.noChannelNamed(text));
      return;
    }
    if (!user.isIn(channel)) {
      if (user.channelCount() >= config.maxChannelsPerUser()) {
        error(user, ChatErrors.TOO_MANY_CHANNELS);
        return;
      }
      toMembers(channel, new UserJoins(channel.title(), user.nickname()));
      channel.add(user);
      event("{} joined {}", user, channel);
    }
    user.makeCurrent(channel);
    outbox.send(new JoinAck(fanOut.describe(channel)), user.address());
  }

  /** PART_REQ: leave a channel (the current one without a title), PART_ACK, maybe JOIN_ACK. */
  private void part(UserState user, ChatFrame frame, long now) {
    String text = frame.text();
    Optional<String> title;
    try {
      title = PartRequest.parse(text).title();
    } catch (ProtocolException e) {
      error(user, ChatErrors.noChannelNamed(text));
      return;
    }
    ChannelState channel =
        title.isPresent() ? directory.channelTitled(title.get()) : user.current();
    if (channel == null && title.isPresent()) {
      error(user, ChatErrors.noChannelNamed(title.get()));
      return;
    }
    if (channel == null || !user.isIn(channel)) {
      return;
    }
    boolean wasCurrent = channel == user.current();
    leave(user, channel);
    event("{} left {}", user, channel);
    outbox.send(new PartAck(fanOut.describe(channel)), user.address());
    ChannelState current = user.current();
    if (wasCurrent && current != null) {
      outbox.send(new JoinAck(fanOut.describe(current)), user.address());
    }
  }

  /** Removes a member, then tells the remaining members. */
  private void leave(UserState user, ChannelState channel) {
    channel.remove(user);
    user.leave(channel);
    toMembers(channel, new UserParts(channel.title(), user.nickname()));
  }

  /** SEND_PUBLIC: PUBLIC_MSG to every member of the current channel, the sender included. */
  private void sendPublic(UserState user, ChatFrame frame, long now) {
    String text = SendPublic.parse(frame.text()).text();
    ChannelState channel = user.current();
    if (channel == null) {
      error(user, ChatErrors.NO_CURRENT_CHANNEL);
      return;
    }
    if (!toMembers(channel, new PublicMessage(channel.title(), user.nickname(), text))) {
      error(user, ChatErrors.MESSAGE_TOO_LONG);
    }
  }

  /** SEND_PRIVATE: PRIVATE_MSG to one user. */
  private void sendPrivate(UserState user, ChatFrame frame, long now) {
    SendPrivate request = SendPrivate.parse(frame.text());
    if (!request.hasRecipient()) {
      error(user, ChatErrors.NO_RECIPIENT);
      return;
    }
    if (request.text().isEmpty()) {
      error(user, ChatErrors.NO_PRIVATE_TEXT);
      return;
    }
    UserState recipient = directory.userNamed(request.recipient());
    if (recipient == null) {
      error(user, ChatErrors.notLoggedIn(request.recipient()));
      return;
    }
    if (!outbox.trySend(new PrivateMessage(user.nickname(), request.text()),
        recipient.address())) {
      error(user, ChatErrors.MESSAGE_TOO_LONG);
    }
  }

  /** LIST_CHANNELS: one CHANNEL_ITEM per channel, in configuration order. */
  private void listChannels(UserState user, ChatFrame frame, long now) {
    for (ChannelState channel : directory.channels()) {
      outbox.send(new ChannelItem(fanOut.describe(channel)), user.address());
    }
  }

  /** LIST_USERS: one USER_ITEM per member of the current channel, in join order. */
  private void listUsers(UserState user, ChatFrame frame, long now) {
    ChannelState channel = user.current();
    if (channel == null) {
      error(user, ChatErrors.NO_CURRENT_CHANNEL);
      return;
    }
    for (UserState member : List.copyOf(channel.members())) {
      outbox.send(new UserItem(member.nickname(), member.secondsOnline(now),
          member.channelTitles()), user.address());
    }
  }

  /** Logs out every user silent for longer than the auto-logout time. */
  void autoLogout(long now) {
    List<UserState> silent = new ArrayList<>();
    for (UserState user : directory.users()) {
      if (user.silentNanos(now) > autoLogoutNanos) {
        silent.add(user);
      }
    }
    for (UserState user : silent) {
      counters.autoLogouts++;
      logout(user, "logged out after " + config.autoLogout().toSeconds() + " s of silence");
    }
  }

  /**
   * Encodes once and hands the frame to the fan-out; false if the frame is too long. A fan-out
   * that fails costs this frame's deliveries (counted as a send failure), never the state change
   * that caused it: the user still joins, parts or is logged out.
   */
  private boolean toMembers(ChannelState channel, ChatPayload payload) {
    ByteBuffer datagram = outbox.encodeForFanOut(payload);
    if (datagram == null) {
      return false;
    }
    if (channel.memberCount() > 0) {
      try {
        fanOut.deliver(channel, datagram, outbox);
      } catch (RuntimeException e) {
        counters.sendFailures++;
        warnings.log(e.getClass(), "fan-out of {} to {} failed", payload.event(),
            channel.title(), e);
      }
    }
    return true;
  }

  private void reply(InetSocketAddress from, UserState existing, String text, long now) {
    if (existing == null) {
      errorToStranger(from, text, now);
    } else {
      error(existing, text);
    }
  }

  private void error(UserState user, String text) {
    counters.errorsSent++;
    outbox.send(new ErrorMessage(text), user.address());
  }

  private void errorToStranger(InetSocketAddress to, String text, long now) {
    if (rateLimiter.tryAcquire(to.getAddress(), 0, now)) {
      counters.errorsSent++;
      outbox.send(new ErrorMessage(text), to);
    } else {
      counters.errorsRateLimited++;
    }
  }

  private void event(String format, Object... arguments) {
    if (config.logDatagrams()) {
      LOG.info(format, arguments);
    } else {
      LOG.debug(format, arguments);
    }
  }

  int userCount() {
    return directory.userCount();
  }

  int channelCount() {
    return directory.channels().size();
  }

  int channelsInUse() {
    return directory.channelsInUse();
  }

  int rateLimitSources() {
    return rateLimiter.size();
  }
}
