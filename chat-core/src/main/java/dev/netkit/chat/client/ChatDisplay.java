package dev.netkit.chat.client;

import dev.netkit.codec.chat.ChannelItem;
import dev.netkit.codec.chat.ErrorMessage;
import dev.netkit.codec.chat.JoinAck;
import dev.netkit.codec.chat.LoginAck;
import dev.netkit.codec.chat.PartAck;
import dev.netkit.codec.chat.PrivateMessage;
import dev.netkit.codec.chat.PublicMessage;
import dev.netkit.codec.chat.UserItem;
import dev.netkit.codec.chat.UserJoins;
import dev.netkit.codec.chat.UserParts;
import java.io.PrintWriter;
import java.util.Objects;

/**
 * A {@link ChatListener} that prints the book client's line for each event
 * ({@link DisplayLines}) on one writer and problems on another. Each line is printed and flushed
 * whole, under the writer's lock, so that it never mixes with a prompt printed under the same
 * lock. A multicast client can reuse it for the frames from its group socket.
 */
public class ChatDisplay implements ChatListener {

  private final PrintWriter out;
  private final PrintWriter err;

  /**
   * Creates a display.
   *
   * @param out where event lines go (the book's standard output)
   * @param err where problems go (the book's {@code warn})
   */
  public ChatDisplay(PrintWriter out, PrintWriter err) {
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
  }

  /**
   * Prints one line and flushes.
   *
   * @param line the line, without terminator
   */
  protected void print(String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }

  @Override
  public void onError(ErrorMessage error) {
    print(DisplayLines.error(error));
  }

  @Override
  public void onLoginAck(LoginAck ack) {
    print(DisplayLines.loginAck(ack));
  }

  @Override
  public void onJoinAck(JoinAck ack) {
    print(DisplayLines.joinAck(ack));
  }

  @Override
  public void onPartAck(PartAck ack) {
    print(DisplayLines.partAck(ack));
  }

  @Override
  public void onPublicMessage(PublicMessage message) {
    print(DisplayLines.publicMessage(message));
  }

  @Override
  public void onPrivateMessage(PrivateMessage message) {
    print(DisplayLines.privateMessage(message));
  }

  @Override
  public void onUserJoins(UserJoins notice) {
    print(DisplayLines.userJoins(notice));
  }

  @Override
  public void onUserParts(UserParts notice) {
    print(DisplayLines.userParts(notice));
  }

  @Override
  public void onChannelItem(ChannelItem item) {
    print(DisplayLines.channelItem(item));
  }

  @Override
  public void onUserItem(UserItem item) {
    print(DisplayLines.userItem(item));
  }

  @Override
  public void onUnexpected(String problem) {
    synchronized (err) {
      err.println("unexpected message from server: " + TerminalText.escape(problem));
      err.flush();
    }
  }
}
