package dev.netkit.jni;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.netkit.jni.internal.Poll;
import dev.netkit.jni.internal.SocketDescriptors;
import dev.netkit.jni.internal.UnixDatagramSyscalls;
import dev.netkit.jni.internal.UrgentSyscalls;
import dev.netkit.jni.testing.Loopback;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A smoke test of the library on whatever platform this JVM runs: loads it from the jar, sends
 * one urgent byte over a loopback TCP pair and makes one UNIX datagram round trip. Run by
 * {@code jni/src/test/sh/aarch64-smoke.sh} with an arm64 JVM under qemu-user, so that the
 * aarch64 library is proven to load and work; it prints what it did and exits 1 on a failure.
 */
final class NativeSmoke {

  private static final int TIMEOUT_MILLIS = 30_000;

  private NativeSmoke() {
  }

  /**
   * Runs the smoke test.
   *
   * @param args none
   * @throws Exception any failure (the JVM then exits with status 1)
   */
  public static void main(String[] args) throws Exception {
    NativeLibrary.ensureAvailable();
    NativePlatform platform = NativePlatform.detect(System.getProperty("os.name"),
        System.getProperty("os.arch"), NativePlatform::runningOnMusl);
    System.out.println("smoke: " + System.getProperty("java.vm.name") + " "
        + System.getProperty("java.runtime.version") + ", os.arch "
        + System.getProperty("os.arch") + ": loaded META-INF/native/" + platform.directory()
        + "/libnetkit.so");
    urgentByte();
    unixDatagramRoundTrip();
    System.out.println("smoke: passed");
  }

  private static void urgentByte() throws Exception {
    Loopback.withSockets((client, server) -> {
      int sender = SocketDescriptors.of(client);
      int receiver = SocketDescriptors.of(server);
      client.getOutputStream().write("before".getBytes(UTF_8));
      check(UrgentSyscalls.sendUrgent(sender, (byte) '!'), "send(MSG_OOB) sent nothing");
      check((Poll.poll(receiver, Poll.PRI, TIMEOUT_MILLIS) & Poll.PRI) != 0, "no POLLPRI");
      int urgent = UrgentSyscalls.receiveUrgent(receiver);
      check(urgent == '!', "recv(MSG_OOB) gave " + urgent);
      byte[] normal = server.getInputStream().readNBytes(6);
      check(UrgentSyscalls.atMark(receiver), "sockatmark false after the normal data");
      System.out.println("smoke: urgent byte '" + (char) urgent + "' over TCP "
          + address(client) + " -> " + address(server) + " after \""
          + new String(normal, UTF_8) + "\", POLLPRI seen, sockatmark true");
    });
  }

  private static void unixDatagramRoundTrip() throws IOException {
    Path dir = Files.createTempDirectory("netkit-smoke-");
    Path clientPath = dir.resolve("client");
    Path serverPath = dir.resolve("server");
    int client = UnixDatagramSyscalls.open();
    int server = UnixDatagramSyscalls.open();
    try {
      UnixDatagramSyscalls.bind(client, bytes(clientPath), 0600);
      UnixDatagramSyscalls.bind(server, bytes(serverPath), 0600);
      byte[] ping = "ping".getBytes(UTF_8);
      UnixDatagramSyscalls.send(client, ping, 0, ping.length, bytes(serverPath), false);
      UnixDatagramSyscalls.Sender[] from = new UnixDatagramSyscalls.Sender[1];
      String request = receive(server, from);
      byte[] pong = ("pong to " + request).getBytes(UTF_8);
      UnixDatagramSyscalls.send(server, pong, 0, pong.length, from[0].senderAddress(), false);
      String reply = receive(client, from);
      check(reply.equals("pong to ping"), "reply " + reply);
      System.out.println("smoke: UNIX datagram \"" + request + "\" " + clientPath.getFileName()
          + " -> " + serverPath.getFileName() + ", reply \"" + reply + "\" from "
          + new String(from[0].senderAddress(), UTF_8).replace(dir.toString(), "$dir")
          + " (socket files mode " + Files.getPosixFilePermissions(serverPath) + ")");
      try {
        UnixDatagramSyscalls.connect(client, bytes(dir.resolve("missing")), false);
        check(false, "connect to a missing path succeeded");
      } catch (IOException expected) {
        System.out.println("smoke: errno names from C: " + expected.getMessage());
      }
    } finally {
      SocketDescriptors.close(client);
      SocketDescriptors.close(server);
      Files.deleteIfExists(clientPath);
      Files.deleteIfExists(serverPath);
      Files.deleteIfExists(dir);
    }
  }

  private static String receive(int fd, UnixDatagramSyscalls.Sender[] from) throws IOException {
    check((Poll.poll(fd, Poll.IN, TIMEOUT_MILLIS) & Poll.IN) != 0, "no datagram");
    byte[] buffer = new byte[64];
    int length = UnixDatagramSyscalls.receive(fd, buffer, 0, buffer.length, from);
    return new String(buffer, 0, length, UTF_8);
  }

  private static byte[] bytes(Path path) {
    return path.toString().getBytes(UTF_8);
  }

  private static String address(Socket socket) {
    return socket.getLocalAddress().getHostAddress() + ":" + socket.getLocalPort();
  }

  private static void check(boolean condition, String failure) {
    if (!condition) {
      throw new IllegalStateException("smoke: FAILED: " + failure);
    }
  }
}
