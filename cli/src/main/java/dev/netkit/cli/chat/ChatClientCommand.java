package dev.netkit.cli.chat;

import dev.netkit.chat.Nicknames;
import dev.netkit.chat.broadcast.ServerDiscovery;
import dev.netkit.chat.client.ChatClient;
import dev.netkit.chat.client.ChatClientConfig;
import dev.netkit.chat.client.ChatDisplay;
import dev.netkit.chat.client.LoginRefusedException;
import dev.netkit.chat.server.ChatServerConfig;
import dev.netkit.cli.udp.DurationConverter;
import dev.netkit.codec.ProtocolException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code chat-client [server] [port]}: the book's chat client. Without a server it finds one by
 * broadcast (figure 20.4). Asks for a nickname, logs in, then reads slash commands and public
 * messages from standard input; server events are printed with the book's lines.
 */
@Command(name = "chat-client", mixinStandardHelpOptions = true,
    description = "the UDP chat client; finds a server by broadcast (ch. 19-20)",
    footer = {"%nCommands: /channels /join TITLE /part [TITLE] /users /public TEXT",
        "/private NICK TEXT /login /quit /help; any other line is a public message."})
public final class ChatClientCommand implements Callable<Integer> {

  static final String HELP = String.join("\n",
      "\t/channels            list the channels",
      "\t/join TITLE          join a channel (or make it current)",
      "\t/part [TITLE]        leave a channel (default: the current one)",
      "\t/users               list the users of the current channel",
      "\t/public TEXT         say something on the current channel (same as TEXT)",
      "\t/private NICK TEXT   send a private message",
      "\t/login               log in again under another nickname",
      "\t/quit                log off and quit",
      "\t/help                this list");

  @Parameters(index = "0", arity = "0..1", paramLabel = "SERVER",
      description = "Chat server host (default: find one by broadcast).")
  String server;

  @Parameters(index = "1", arity = "0..1", paramLabel = "PORT",
      description = "Chat server port (default: ${DEFAULT-VALUE}).")
  int port = ChatServerConfig.DEFAULT_PORT;

  @Option(names = "--login-tries", paramLabel = "N",
      description = "LOGIN_REQ tries (default: ${DEFAULT-VALUE}).")
  int loginTries = ChatClientConfig.DEFAULT_LOGIN_TRIES;

  @Option(names = "--login-interval", paramLabel = "DURATION",
      converter = DurationConverter.class, description = "Wait per login try (default: 6s).")
  Duration loginInterval = ChatClientConfig.DEFAULT_LOGIN_RETRY_INTERVAL;

  @Option(names = "--keep-alive", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "STILL_HERE interval (default: 30s).")
  Duration keepAlive = ChatClientConfig.DEFAULT_KEEP_ALIVE_INTERVAL;

  @Option(names = "--discovery-timeout", paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "How long to wait for a server to answer the broadcast (default: 3s).")
  Duration discoveryTimeout = ServerDiscovery.DEFAULT_TIMEOUT;

  @Option(names = "--linger", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "After the end of input, keep showing events this long before logging off "
          + "(for scripts; default: 0s).")
  Duration linger = Duration.ZERO;

  @Spec
  CommandSpec spec;

  private final InputStream stdin;
  private BufferedReader in;
  private PrintWriter out;
  private PrintWriter err;

  /** Creates the command reading standard input. */
  public ChatClientCommand() {
    this(System.in);
  }

  /**
   * Creates the command reading another input (for tests).
   *
   * @param stdin the user's input
   */
  ChatClientCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() throws Exception {
    in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
    out = spec.commandLine().getOut();
    err = new PrintWriter(spec.commandLine().getErr(), true);
    Optional<InetSocketAddress> address = serverAddress();
    if (address.isEmpty()) {
      err.println("Couldn't find a server");
      return 1;
    }
    ChatClientConfig config = ChatClientConfig.builder(address.get())
        .login(loginTries, loginInterval).keepAliveInterval(keepAlive).build();
    try (ChatClient client = ChatClient.open(config, new ChatDisplay(out, err))) {
      if (!login(client)) {
        err.println("Can't log in.");
        return 1;
      }
      readCommands(client);
    }
    return 0;
  }

  private Optional<InetSocketAddress> serverAddress() throws IOException, InterruptedException {
    if (server != null) {
      return Optional.of(new InetSocketAddress(InetAddress.getByName(server), port));
    }
    Optional<InetSocketAddress> found = new ServerDiscovery(port, discoveryTimeout)
        .find(address -> err.println("Broadcasting for a server on "
            + address.getHostAddress()));
    found.ifPresent(at -> err.println("Found a server at " + at.getAddress().getHostAddress()));
    return found;
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
      command = parts[0].toLowerCase(java.util.Locale.ROOT);
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
