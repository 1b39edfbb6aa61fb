package dev.netkit.cli.chat;

import dev.netkit.chat.Nicknames;
import dev.netkit.chat.client.ChatClient;
import dev.netkit.chat.client.LoginRefusedException;
import dev.netkit.codec.ProtocolException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The interactive part of the chat client programs ({@code chat-client}, {@code mchat-client}):
 * asks for a nickname and logs in (the book's {@code do_login}), then reads slash commands and
 * public messages until {@code /quit} or the end of input. Server events are printed by the
 * client's listener, not here.
 */
public final class ChatConsole {

  /** The {@code /help} text. */
  public static final String HELP = String.join("\n",
      "\t/channels            list the channels",
      "\t/join TITLE          join a channel (or make it current)",
      "\t/part [TITLE]        leave a channel (default: the current one)",
      "\t/users               list the users of the current channel",
      "\t/public TEXT         say something on the current channel (same as TEXT)",
      "\t/private NICK TEXT   send a private message",
      "\t/login               log in again under another nickname",
      "\t/quit                log off and quit",
      "\t/help                this list");

  private final BufferedReader in;
  private final PrintWriter out;
  private final PrintWriter err;
  private final int loginTries;
  private final Duration linger;

  /**
   * Creates a console.
   *
   * @param in the user's input
   * @param out where prompts and help go
   * @param err where problems go
   * @param loginTries nicknames tried (after refusals) before giving up
   * @param linger how long to keep showing events after the end of input
   */
  public ChatConsole(BufferedReader in, PrintWriter out, PrintWriter err, int loginTries,
      Duration linger) {
    this.in = in;
    this.out = out;
    this.err = err;
    this.loginTries = loginTries;
    this.linger = linger;
  }

  /**
   * Logs in, then runs the user's commands.
   *
   * @param client an open chat client
   * @return the exit status: 0 after {@code /quit} or end of input, 1 if login failed
   * @throws IOException if reading the input fails
   * @throws InterruptedException if interrupted
   */
  public int run(ChatClient client) throws IOException, InterruptedException {
    if (!login(client)) {
      err.println("Can't log in.");
      return 1;
    }
    readCommands(client);
    return 0;
  }

  /** The book's do_login: a nickname, up to the configured tries, a new nickname on refusal. */
  private boolean login(ChatClient client) throws IOException, InterruptedException {
    for (int refusals = 0; refusals < loginTries; refusals++) {
      Optional<String> nickname = askNickname();
      if (nickname.isEmpty()) {
        return false;
      }
      try {
        client.login(nickname.get(),
            attempt -> err.println("trying to log in (" + attempt + ")..."));
        return true;
      } catch (LoginRefusedException e) {
        // The display has printed the server's ERROR; ask for another nickname.
      } catch (SocketTimeoutException e) {
        return false;
      }
    }
    return false;
  }

  private Optional<String> askNickname() throws IOException {
    while (true) {
      synchronized (out) {
        out.print("Your nickname: ");
        out.flush();
      }
      String line = in.readLine();
      if (line == null) {
        return Optional.empty();
      }
      String nickname = line.strip();
      if (Nicknames.isValid(nickname)) {
        return Optional.of(nickname);
      }
      err.println("Invalid nickname.  Use 1-" + Nicknames.DEFAULT_MAX_LENGTH
          + " printable characters, no spaces.");
    }
  }

  private void readCommands(ChatClient client) throws IOException, InterruptedException {
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.isBlank()) {
        continue;
      }
      try {
        if (!perform(client, line)) {
          return;
        }
      } catch (ProtocolException e) {
        err.println("not sent: " + e.getMessage());
      } catch (IOException e) {
        err.println("not sent: " + e);
      }
    }
    Thread.sleep(linger.toMillis());
  }

  /**
   * Runs one input line.
   *
   * @return false to quit
   */
  private boolean perform(ChatClient client, String line)
      throws IOException, InterruptedException {
    String command = "public";
    String args = line;
    if (line.startsWith("/")) {
      String[] parts = line.substring(1).split("\\s+", 2);
      command = parts[0].toLowerCase(Locale.ROOT);
      args = parts.length > 1 ? parts[1].strip() : "";
    }
    switch (command) {
      case "channels" -> client.listChannels();
      case "join" -> withTitle(args, "/join TITLE", client::join);
      case "part" -> {
        if (args.isEmpty()) {
          client.part();
        } else {
          withTitle(args, "/part [TITLE]", client::part);
        }
      }
      case "users" -> client.listUsers();
      case "public" -> client.sendPublic(args);
      case "private" -> {
        String[] parts = args.split("\\s+", 2);
        client.sendPrivate(parts[0], parts.length > 1 ? parts[1] : "");
      }
      case "login" -> {
        if (!login(client)) {
          err.println("Can't log in.");
          return false;
        }
      }
      case "quit" -> {
        return false;
      }
      case "help" -> {
        synchronized (out) {
          out.println(HELP);
          out.flush();
        }
      }
      default -> err.println(command + ": unknown command");
    }
    return true;
  }

  private interface TitleCommand {
    void run(String title) throws IOException;
  }

  private void withTitle(String args, String usage, TitleCommand command) throws IOException {
    if (args.isEmpty() || args.chars().anyMatch(Character::isWhitespace)) {
      err.println("usage: " + usage);
      return;
    }
    command.run(args);
  }
}
