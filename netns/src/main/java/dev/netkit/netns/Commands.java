package dev.netkit.netns;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Runs short system commands ({@code ip}, {@code nft}) to completion with a time limit, and finds
 * them on the {@code PATH} or in {@code /sbin} and {@code /usr/sbin}.
 */
final class Commands {

  /** The longest any {@code ip} or {@code nft} command may take. */
  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private Commands() {
  }

  /**
   * Runs a command, feeding it {@code input} on standard input, and waits for it.
   *
   * @param input text for its standard input, or null for none
   * @param command the program and its arguments
   * @return how it ended
   * @throws IOException if it cannot start or runs longer than {@link #TIMEOUT}
   */
  static CommandResult run(String input, List<String> command) throws IOException {
    try (CapturedProcess process = CapturedProcess.start(command)) {
      try (OutputStream stdin = process.stdin()) {
        if (input != null) {
          stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
      }
      return process.awaitExit(TIMEOUT);
    } catch (TimeoutException e) {
      throw new IOException(e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + String.join(" ", command), e);
    }
  }

  /**
   * Runs a command without input and fails unless it exits with status 0.
   *
   * @param command the program and its arguments
   * @return how it ended
   * @throws IOException if it cannot start, takes too long or exits with another status
   */
  static CommandResult runChecked(String... command) throws IOException {
    return run(null, List.of(command)).orThrow();
  }

  /**
   * Finds a program on the {@code PATH}, or in {@code /sbin} and {@code /usr/sbin} (where
   * {@code ip} and {@code nft} live, and which a non-login {@code PATH} may lack).
   *
   * @param program the program name
   * @return its absolute path, or empty if there is no executable file of that name
   */
  static Optional<String> locate(String program) {
    String path = System.getenv().getOrDefault("PATH", "") + ":/sbin:/usr/sbin";
    for (String dir : path.split(":")) {
      Path candidate = dir.isEmpty() ? null : Path.of(dir, program);
      if (candidate != null && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate.toAbsolutePath().toString());
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the path of {@code ip} (iproute2).
   *
   * @return the absolute path, or plain {@code ip} if it is not found (starting it then fails)
   */
  static String ip() {
    return locate("ip").orElse("ip");
  }

  /**
   * Returns the path of {@code nft} (nftables).
   *
   * @return the absolute path, or plain {@code nft} if it is not found (starting it then fails)
   */
  static String nft() {
    return locate("nft").orElse("nft");
  }
}
