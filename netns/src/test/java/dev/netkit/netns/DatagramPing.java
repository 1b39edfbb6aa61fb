package dev.netkit.netns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A child-JVM program for the namespace tests. {@code serve ADDR PORT}: bind (to all addresses
 * for {@code 0.0.0.0}, which broadcasts reach), print {@code READY}, answer one datagram with
 * {@code pong:} + its text, exit. {@code ask ADDR PORT}: send {@code ping} (broadcast allowed) up
 * to 10 times, 300 ms apart (a send refused by an nftables drop counts as lost), print the first
 * answer or {@code NO REPLY}.
 */
public final class DatagramPing {

  private DatagramPing() {
  }

  public static void main(String[] args) throws Exception {
    InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(args[1]),
        Integer.parseInt(args[2]));
    if (args[0].equals("serve")) {
      serve(address);
    } else {
      ask(address);
    }
  }

  private static void serve(InetSocketAddress address) throws Exception {
    try (DatagramSocket socket = new DatagramSocket(address)) {
      socket.setSoTimeout(30_000);
      System.out.println("READY");
      DatagramPacket packet = new DatagramPacket(new byte[512], 512);
      socket.receive(packet);
      byte[] reply = ("pong:" + new String(packet.getData(), 0, packet.getLength(),
          StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
      socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
    }
  }

  private static void ask(InetSocketAddress address) throws Exception {
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.setBroadcast(true);
      socket.setSoTimeout(300);
      byte[] ping = "ping".getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < 10; i++) {
        DatagramPacket packet = new DatagramPacket(new byte[512], 512);
        try {
          socket.send(new DatagramPacket(ping, ping.length, address));
          socket.receive(packet);
          System.out.println(new String(packet.getData(), 0, packet.getLength(),
              StandardCharsets.UTF_8));
          return;
        } catch (SocketTimeoutException e) {
          // Try again: the server JVM may still be starting.
        } catch (IOException e) {
          // An nftables drop on output fails send() with EPERM: lost, like on the wire.
          Thread.sleep(300);
        }
      }
      System.out.println("NO REPLY");
    }
  }
}
