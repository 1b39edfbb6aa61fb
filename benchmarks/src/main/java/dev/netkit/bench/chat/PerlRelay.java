package dev.netkit.bench.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Perl reference: {@code fanout-relay.pl}, a minimal recv + send-to-each loop in Perl — an
 * upper bound for the book's Perl server, which does the same sends plus its chat logic.
 */
final class PerlRelay implements Relay {

  private Process process;
  private Path script;

  static boolean available() {
    try {
      return new ProcessBuilder("perl", "-e", "1").start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public InetSocketAddress start(List<DatagramChannel> members) throws IOException {
    script = Files.createTempFile("fanout-relay", ".pl");
    try (InputStream in = PerlRelay.class.getResourceAsStream("fanout-relay.pl")) {
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    List<String> command = new ArrayList<>(List.of("perl", script.toString()));
    for (DatagramChannel member : members) {
      command.add(Integer.toString(((InetSocketAddress) member.getLocalAddress()).getPort()));
    }
    process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.US_ASCII));
    String ready = out.readLine();
    if (ready == null || !ready.startsWith("READY ")) {
      throw new IOException("fanout-relay.pl did not start: " + ready);
    }
    return new InetSocketAddress(InetAddress.getLoopbackAddress(),
        Integer.parseInt(ready.substring(6).strip()));
  }

  @Override
  public byte[] message() {
    return Relay.publicMessage();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (process != null) {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    if (script != null) {
      Files.deleteIfExists(script);
    }
  }

  @Override
  public String toString() {
    return "Perl recv+send relay";
  }
}
