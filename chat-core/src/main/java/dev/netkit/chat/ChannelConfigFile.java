package dev.netkit.chat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the channel list of a chat server from a text file: one channel per line, three fields
 * separated by blanks — title, multicast group ({@code -} for none), description (the rest of
 * the line). Blank lines and lines starting with {@code #} are ignored.
 *
 * <pre>
 *   # title        group       description
 *   CurrentEvents  225.1.0.1   Discussion of current events
 *   Weather        225.1.0.2   Talk about the weather
 *   Knitting       -           Needles and yarn
 * </pre>
 *
 * <p>Titles must differ case-insensitively, as servers match them that way. {@link #format(List)}
 * writes a file this class reads back.
 */
public final class ChannelConfigFile {

  /** The longest file read, so that a wrong path cannot make the server read gigabytes. */
  public static final long MAX_FILE_SIZE = 1 << 20;

  private static final String NO_GROUP = "-";

  private ChannelConfigFile() {
  }

  /**
   * Reads a channel file (UTF-8).
   *
   * @param file the file
   * @return the channels, in file order
   * @throws IOException if the file cannot be read or is larger than {@link #MAX_FILE_SIZE}
   * @throws IllegalArgumentException if a line is malformed, a title repeats, or there is no
   *     channel; the message names the file and the line
   */
  public static List<ChannelDefinition> read(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_FILE_SIZE) {
      throw new IOException(file + ": " + size + " bytes (limit: " + MAX_FILE_SIZE + ")");
    }
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses the text of a channel file.
   *
   * @param text the whole file
   * @return the channels, in order
   * @throws IllegalArgumentException if a line is malformed, a title repeats (ignoring case), or
   *     there is no channel; the message names the line
   */
  public static List<ChannelDefinition> parse(String text) {
    List<ChannelDefinition> channels = new ArrayList<>();
    Set<String> titles = new HashSet<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      ChannelDefinition channel = parseLine(line, i + 1);
      if (!titles.add(channel.title().toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("line " + (i + 1) + ": channel " + channel.title()
            + " is defined twice");
      }
      channels.add(channel);
    }
    if (channels.isEmpty()) {
      throw new IllegalArgumentException("no channel defined");
    }
    return List.copyOf(channels);
  }

  private static ChannelDefinition parseLine(String line, int number) {
    String[] fields = line.split("\\s+", 3);
    if (fields.length < 2) {
      throw new IllegalArgumentException("line " + number
          + ": expected TITLE GROUP DESCRIPTION (GROUP - for none), got \"" + line + "\"");
    }
    try {
      Optional<InetAddress> group = fields[1].equals(NO_GROUP)
          ? Optional.empty() : Optional.of(ChannelDefinition.ipv4Literal(fields[1]));
      return new ChannelDefinition(fields[0], fields.length > 2 ? fields[2] : "", group);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("line " + number + ": " + e.getMessage(), e);
    }
  }

  /**
   * Formats channels as a channel file.
   *
   * @param channels the channels
   * @return the file text, one line per channel
   */
  public static String format(List<ChannelDefinition> channels) {
    StringBuilder out = new StringBuilder("# title group description\n");
    for (ChannelDefinition channel : channels) {
      out.append(channel.title()).append(' ').append(channel.groupLiteral().orElse(NO_GROUP))
          .append(' ').append(channel.description()).append('\n');
    }
    return out.toString();
  }
}
