package dev.netkit.chat.testing;

import dev.netkit.chat.client.ChatListener;
import dev.netkit.codec.chat.ChannelItem;
import dev.netkit.codec.chat.ChatPayload;
import dev.netkit.codec.chat.ErrorMessage;
import dev.netkit.codec.chat.JoinAck;
import dev.netkit.codec.chat.LoginAck;
import dev.netkit.codec.chat.PartAck;
import dev.netkit.codec.chat.PrivateMessage;
import dev.netkit.codec.chat.PublicMessage;
import dev.netkit.codec.chat.SetMcastPort;
import dev.netkit.codec.chat.UserItem;
import dev.netkit.codec.chat.UserJoins;
import dev.netkit.codec.chat.UserParts;
import java.util.ArrayList;
import java.util.List;

/** A listener that records every typed event, and the problems, for assertions. */
public final class RecordingListener implements ChatListener {

  private final List<ChatPayload> events = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  /**
   * Returns the events so far.
   *
   * @return a snapshot, in arrival order
   */
  public synchronized List<ChatPayload> events() {
    return List.copyOf(events);
  }

  /**
   * Returns the problems reported so far.
   *
   * @return a snapshot
   */
  public synchronized List<String> problems() {
    return List.copyOf(problems);
  }

  private synchronized void record(ChatPayload payload) {
    events.add(payload);
  }

  @Override
  public void onError(ErrorMessage error) {
    record(error);
  }

  @Override
  public void onLoginAck(LoginAck ack) {
    record(ack);
  }

  @Override
  public void onJoinAck(JoinAck ack) {
    record(ack);
  }

  @Override
  public void onPartAck(PartAck ack) {
    record(ack);
  }

  @Override
  public void onPublicMessage(PublicMessage message) {
    record(message);
  }

  @Override
  public void onPrivateMessage(PrivateMessage message) {
    record(message);
  }

  @Override
  public void onUserJoins(UserJoins notice) {
    record(notice);
  }

  @Override
  public void onUserParts(UserParts notice) {
    record(notice);
  }

  @Override
  public void onChannelItem(ChannelItem item) {
    record(item);
  }

  @Override
  public void onUserItem(UserItem item) {
    record(item);
  }

  @Override
  public void onSetMcastPort(SetMcastPort port) {
    record(port);
  }

  @Override
  public synchronized void onUnexpected(String problem) {
    problems.add(problem);
  }
}
