package dev.netkit.example.consumer;

import dev.netkit.codec.LineDecoder;
import dev.netkit.codec.chat.ChatEvent;
import dev.netkit.codec.chat.ChatFrame;
import dev.netkit.codec.chat.ChatFrameCodec;
import dev.netkit.udp.EchoClient;
import dev.netkit.udp.ReverseEchoServer;
import dev.netkit.unix.localtime.LocaltimeClient;
import dev.netkit.unix.localtime.LocaltimeServer;
import dev.netkit.unix.localtime.LocaltimeServerConfig;
import dev.netkit.unix.SocketFileConfig;
import dev.netkit.urgent.UrgentSocket;
import dev.netkit.urgent.UrgentWatcher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One real round trip with each netkit module this application depends on, on loopback and in a
 * private temporary directory. Prints one line per module and {@code consumer: passed} (exit 0),
 * or exits 1 naming what failed.
 */
public final class ConsumerApp {

  private static final long TIMEOUT_SECONDS = 30;

  private ConsumerApp() {
  }

  /**
   * Runs the round trips.
   *
   * @param args none
   * @throws Exception any failure (the JVM then exits with status 1)
   */
  public static void main(String[] args) throws Exception {
    Module module = ConsumerApp.class.getModule();
    System.out.println("consumer: " + (module.isNamed() ? "module path, module " + module.getName()
        : "class path") + ", Java " + Runtime.version());
    codec();
    udpEcho();
    urgent();
    unixDomain();
    System.out.println("consumer: passed");
  }

  private static void codec() throws IOException {
    ChatFrameCodec codec = new ChatFrameCodec();
    ChatFrame back = codec.decode(codec.encode(ChatFrame.of(ChatEvent.SEND_PUBLIC, "hi all")));
    LineDecoder lines = new LineDecoder(1024);
    String line = lines.decode(ByteBuffer.wrap("DATA\r\n".getBytes(StandardCharsets.US_ASCII)))
        .orElseThrow();
    check(back.equals(ChatFrame.of(ChatEvent.SEND_PUBLIC, "hi all")) && line.equals("DATA"),
        "codec round trip: " + back + ", " + line);
    System.out.println("consumer: codec: " + back + ", line " + line);
  }

  private static void udpEcho() throws IOException {
    InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    try (ReverseEchoServer server = new ReverseEchoServer(loopback).start();
        EchoClient client = EchoClient.open(server.localAddress())) {
      String reply = client.request("7: hello");
      check(reply.equals("7: olleh"), "udp-echo replied " + reply);
      System.out.println("consumer: udp-echo: 7: hello -> " + reply);
    }
  }

  private static void urgent() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Socket sender = new Socket(listener.getInetAddress(), listener.getLocalPort());
        Socket receiver = listener.accept()) {
      CompletableFuture<Byte> urgentByte = new CompletableFuture<>();
      UrgentSocket in = UrgentSocket.of(receiver);
      try (UrgentWatcher watcher = in.watch(read -> urgentByte.complete(read.data()))) {
        sender.getOutputStream().write("before\n".getBytes(StandardCharsets.US_ASCII));
        UrgentSocket.of(sender).sendUrgent((byte) '!');
        sender.getOutputStream().write("after\n".getBytes(StandardCharsets.US_ASCII));
        sender.shutdownOutput();
        BufferedReader reader = new BufferedReader(
            new InputStreamReader(in.inputStream(), StandardCharsets.US_ASCII));
        List<String> lines = reader.lines().collect(Collectors.toList());
        byte data = urgentByte.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        check(data == '!' && lines.equals(List.of("before", "after")),
            "urgent: byte " + data + ", lines " + lines);
        System.out.println("consumer: urgent: '" + (char) data + "' out of band, lines " + lines);
      }
    }
  }

  private static void unixDomain() throws IOException {
    Path dir = Files.createTempDirectory("netkit-consumer");
    try {
      LocaltimeServerConfig config = LocaltimeServerConfig.builder()
          .socketFile(SocketFileConfig.builder(dir.resolve("localtime")).build()).build();
      try (LocaltimeServer server = new LocaltimeServer(config).start()) {
        String time = new LocaltimeClient(server.path()).ask("UTC");
        check(time.matches("\\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}"),
            "unixdomain: localtime replied " + time);
        System.out.println("consumer: unixdomain: localtime UTC -> " + time);
      }
    } finally {
      try (Stream<Path> left = Files.walk(dir)) {
        left.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
      }
    }
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("consumer: failed: " + what);
    }
  }
}
