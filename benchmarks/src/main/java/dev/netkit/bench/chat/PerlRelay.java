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
 * A Perl program as the relay, run with {@code perl} from a copy of the benchmark's resource:
 * <ul>
 *   <li>{@link #bookServer()}: {@code chat_server.pl}, the book's chat server (chapter 19) with
 *       its ChatObjects classes; members log in and join Weather as with netkit's server, and
 *       the sender's SEND_PUBLIC comes back to all of them as PUBLIC_MSG. The baseline.</li>
 *   <li>{@link #minimal()}: {@code fanout-relay.pl}, a recv + send-to-each loop with none of
 *       the chat logic: an upper bound for any Perl chat server.</li>
 * </ul>
 * Either prints {@code READY <port>} once bound to 127.0.0.1.
 */
final class PerlRelay implements Relay {

  private final String script;
  private final boolean chatServer;
  private Process process;
  private Path copy;

  private PerlRelay(String script, boolean chatServer) {
    this.script = script;
    this.chatServer = chatServer;
  }

  /**
   * The book's chat server.
   *
   * @return a relay running {@code chat_server.pl}
   */
  static PerlRelay bookServer() {
    return new PerlRelay("chat_server.pl", true);
  }

  /**
   * The minimal Perl relay.
   *
   * @return a relay running {@code fanout-relay.pl}
   */
  static PerlRelay minimal() {
    return new PerlRelay("fanout-relay.pl", false);
  }

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
    copy = Files.createTempFile(script.replace(".pl", ""), ".pl");
    try (InputStream in = PerlRelay.class.getResourceAsStream(script)) {
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
    }
    List<String> command = new ArrayList<>(List.of("perl", copy.toString()));
    if (chatServer) {
      command.add("0");
    } else {
      for (DatagramChannel member : members) {
        command.add(Integer.toString(((InetSocketAddress) member.getLocalAddress()).getPort()));
      }
    }
    process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.US_ASCII));
    String ready = out.readLine();
    if (ready == null || !ready.startsWith("READY ")) {
      throw new IOException(script + " did not start: " + ready);
    }
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(),
        Integer.parseInt(ready.substring(6).strip()));
    if (chatServer) {
      ChatMembers.logInAndJoin(members, address);
    }
    return address;
  }

  @Override
  public CpuTime cpuTime() {
    return CpuTime.ofProcess(process.pid());
  }

  @Override
  public byte[] message() {
    return chatServer ? Relay.sendPublic() : Relay.publicMessage();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (process != null) {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    if (copy != null) {
      Files.deleteIfExists(copy);
    }
  }

  @Override
  public String toString() {
    return chatServer ? "the book's chat_server.pl" : "Perl recv+send relay";
  }
}
