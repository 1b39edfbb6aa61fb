package dev.netkit.chat.broadcast;

import dev.netkit.codec.DatagramSize;
import dev.netkit.codec.DatagramText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Objects;

/**
 * The broadcast echo client of the book's figure 20.2: a socket with {@code SO_BROADCAST} that
 * sends each input line (with its newline, as the book's {@code sysread}) to one address —
 * typically a subnet's broadcast address — and prints, for every answer from any host,
 * {@code received N bytes from IP:PORT}.
 *
 * <p>After the end of input it keeps printing answers for a linger time, then returns. Sending to
 * a broadcast address reaches every host of that subnet: in tests, only inside a network
 * namespace.
 */
public final class BroadcastEcho implements AutoCloseable {

  /** The book's default target port: the UDP echo service. */
  public static final int DEFAULT_PORT = 7;

  /** The largest datagram sent; longer lines go out in pieces of this size, as sysread reads. */
  public static final int MAX_DATAGRAM = 1024;

  private static final int MAX_ANSWER = DatagramSize.MAX_UDP_PAYLOAD;

  private final InetSocketAddress target;
  private final DatagramChannel channel;

  /**
   * Opens the broadcast socket.
   *
   * @param target where the lines go, e.g. {@code 192.168.1.255:7}
   * @throws IOException if the socket cannot be opened
   */
  public BroadcastEcho(InetSocketAddress target) throws IOException {
    this.target = Objects.requireNonNull(target, "target");
    this.channel = DatagramChannel.open(StandardProtocolFamily.INET);
    try {
      channel.setOption(StandardSocketOptions.SO_BROADCAST, true);
      channel.bind(null);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Sends every line of {@code in} and prints every answer until the input ends plus
   * {@code linger}.
   *
   * @param in the lines to send
   * @param out where the {@code received …} lines go
   * @param linger how long to keep printing answers after the last line
   * @return the number of answers printed
   * @throws IOException if reading the input or sending fails
   * @throws InterruptedException if interrupted while lingering
   */
  public long run(BufferedReader in, PrintWriter out, Duration linger)
      throws IOException, InterruptedException {
    AnswerPrinter printer = new AnswerPrinter(out);
    Thread thread = new Thread(printer, "broadcast-echo-receiver");
    thread.setDaemon(true);
    thread.start();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      send(DatagramText.encode(line + "\n"));
    }
    Thread.sleep(linger.toMillis());
    channel.close();
    thread.join(linger.toMillis() + 1000);
    return printer.answers;
  }

  private void send(byte[] data) throws IOException {
    for (int offset = 0; offset < data.length; offset += MAX_DATAGRAM) {
      int length = Math.min(MAX_DATAGRAM, data.length - offset);
      channel.send(ByteBuffer.wrap(data, offset, length), target);
    }
  }

  /** Closes the socket. */
  @Override
  public void close() throws IOException {
    channel.close();
  }

  /** Prints one line per answer until the socket closes. */
  private final class AnswerPrinter implements Runnable {
    private final PrintWriter out;
    private volatile long answers;

    AnswerPrinter(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void run() {
      ByteBuffer buffer = ByteBuffer.allocate(MAX_ANSWER);
      while (true) {
        buffer.clear();
        SocketAddress from;
        try {
          from = channel.receive(buffer);
        } catch (IOException e) {
          // Closed at the end of the linger time (or broken): no more answers to print.
          return;
        }
        InetSocketAddress sender = (InetSocketAddress) from;
        synchronized (out) {
          out.println("received " + buffer.position() + " bytes from "
              + sender.getAddress().getHostAddress() + ":" + sender.getPort());
          out.flush();
        }
        answers++;
      }
    }
  }
}
