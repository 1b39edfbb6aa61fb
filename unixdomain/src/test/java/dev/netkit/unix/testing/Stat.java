package dev.netkit.unix.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs stat(1) on a path, as an administrator would check a socket file. */
public final class Stat {

  private Stat() {
  }

  /**
   * Returns the file type and octal mode as stat(1) prints them.
   *
   * @param path the file
   * @return e.g. {@code socket 600}
   * @throws IOException if stat fails
   * @throws InterruptedException if interrupted while waiting
   */
  public static String typeAndMode(Path path) throws IOException, InterruptedException {
    Process stat = new ProcessBuilder("stat", "-c", "%F %a", path.toString())
        .redirectErrorStream(true).start();
    String output = new String(stat.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!stat.waitFor(30, TimeUnit.SECONDS) || stat.exitValue() != 0) {
      throw new IOException("stat " + path + ": " + output.strip());
    }
    return output.strip();
  }
}
