package dev.netkit.cli.chat;

import dev.netkit.chat.client.ChatClientConfig;
import dev.netkit.cli.support.DurationConverter;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The options every interactive chat client program shares ({@code chat-client},
 * {@code mchat-client}): login tries, keep-alive, linger. A picocli mixin ({@code @Mixin}).
 */
public final class ChatClientOptions {

  /** Creates the options at their defaults (picocli fills them in). */
  public ChatClientOptions() {
  }

  @Option(names = "--login-tries", paramLabel = "N",
      description = "LOGIN_REQ tries (default: ${DEFAULT-VALUE}).")
  int loginTries = ChatClientConfig.DEFAULT_LOGIN_TRIES;

  @Option(names = "--login-interval", paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Wait per login try (default: ${DEFAULT-VALUE}).")
  Duration loginInterval = ChatClientConfig.DEFAULT_LOGIN_RETRY_INTERVAL;

  @Option(names = "--keep-alive", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "STILL_HERE interval (default: ${DEFAULT-VALUE}).")
  Duration keepAlive = ChatClientConfig.DEFAULT_KEEP_ALIVE_INTERVAL;

  @Option(names = "--linger", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "After the end of input, keep showing events this long before logging off "
          + "(for scripts; default: ${DEFAULT-VALUE}).")
  Duration linger = Duration.ZERO;

  /**
   * Applies the login and keep-alive options.
   *
   * @param builder a client configuration builder
   * @return {@code builder}
   * @throws IllegalArgumentException if an option is out of range
   */
  public ChatClientConfig.Builder apply(ChatClientConfig.Builder builder) {
    return builder.login(loginTries, loginInterval).keepAliveInterval(keepAlive);
  }

  /**
   * Makes the console that logs in and reads the user's commands.
   *
   * @param in the user's input
   * @param out where prompts and help go (the event display prints there too)
   * @param err where problems go
   * @return the console
   */
  public ChatConsole console(BufferedReader in, PrintWriter out, PrintWriter err) {
    return new ChatConsole(in, out, err, loginTries, linger);
  }
}
