package dev.netkit.cli.chat;

import dev.netkit.chat.ChannelConfigFile;
import dev.netkit.chat.Nicknames;
import dev.netkit.chat.server.ChatServerConfig;
import dev.netkit.cli.support.BindOption;
import dev.netkit.cli.support.DurationConverter;
import dev.netkit.cli.support.LogDatagramsOption;
import dev.netkit.cli.support.NoBatchOption;
import dev.netkit.cli.support.ReplyRateOptions;
import dev.netkit.codec.chat.ChatFrameCodec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options every chat server program shares ({@code chat-server}, {@code mchat-server}): bind
 * address, channel file, timings and limits. A picocli mixin ({@code @Mixin}).
 */
public final class ChatServerOptions {

  /** Creates the options at their defaults (picocli fills them in). */
  public ChatServerOptions() {
  }

  @Mixin
  BindOption bind = new BindOption();

  @Mixin
  ReplyRateOptions replyRate = new ReplyRateOptions();

  @Option(names = "--channels", paramLabel = "FILE",
      description = "Channel file: lines TITLE GROUP|- DESCRIPTION (default: the book's five).")
  Path channels;

  @Option(names = "--auto-logout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Log out users silent this long (default: ${DEFAULT-VALUE}).")
  Duration autoLogout = ChatServerConfig.DEFAULT_AUTO_LOGOUT;

  @Option(names = "--check-interval", paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "How often to look for silent users (default: ${DEFAULT-VALUE}).")
  Duration checkInterval = ChatServerConfig.DEFAULT_CHECK_INTERVAL;

  @Option(names = "--summary-interval", paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "How often to log the summary line (default: ${DEFAULT-VALUE}).")
  Duration summaryInterval = ChatServerConfig.DEFAULT_SUMMARY_INTERVAL;

  @Option(names = "--max-users", paramLabel = "N",
      description = "Most logged-in users (default: ${DEFAULT-VALUE}).")
  int maxUsers = ChatServerConfig.DEFAULT_MAX_USERS;

  @Option(names = "--max-users-per-address", paramLabel = "N",
      description = "Most logged-in users from one IP address (default: ${DEFAULT-VALUE}).")
  int maxUsersPerAddress = ChatServerConfig.DEFAULT_MAX_USERS_PER_ADDRESS;

  @Option(names = "--max-channels-per-user", paramLabel = "N",
      description = "Most channels one user may be in (default: ${DEFAULT-VALUE}).")
  int maxChannelsPerUser = ChatServerConfig.DEFAULT_MAX_CHANNELS_PER_USER;

  @Option(names = "--max-nickname-length", paramLabel = "N",
      description = "Longest nickname in characters (default: ${DEFAULT-VALUE}).")
  int maxNicknameLength = Nicknames.DEFAULT_MAX_LENGTH;

  @Option(names = "--max-datagram", paramLabel = "BYTES",
      description = "Largest datagram accepted or sent (default: ${DEFAULT-VALUE}).")
  int maxDatagram = ChatFrameCodec.DEFAULT_MAX_DATAGRAM_SIZE;

  @Mixin
  NoBatchOption batch = new NoBatchOption();

  @Mixin
  LogDatagramsOption log = new LogDatagramsOption();

  /**
   * Builds the server configuration from the options.
   *
   * @param port the UDP port to listen on
   * @return a builder with every option applied (the fan-out left at its default)
   * @throws IOException if the channel file cannot be read
   * @throws IllegalArgumentException if an option is out of range
   */
  public ChatServerConfig.Builder builder(int port) throws IOException {
    ChatServerConfig.Builder builder = ChatServerConfig.builder()
        .bindAddress(bind.withPort(port))
        .autoLogout(autoLogout).checkInterval(checkInterval).summaryInterval(summaryInterval)
        .maxUsers(maxUsers).maxUsersPerAddress(maxUsersPerAddress)
        .maxChannelsPerUser(maxChannelsPerUser)
        .maxNicknameLength(maxNicknameLength).maxDatagramSize(maxDatagram).logDatagrams(log.logDatagrams())
        .batched(batch.batched());
    builder.replyRate(replyRate.applyTo(builder.build().replyRate()));
    if (channels != null) {
      builder.channels(ChannelConfigFile.read(channels));
    }
    return builder;
  }
}
