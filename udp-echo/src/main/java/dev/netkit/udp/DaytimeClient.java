package dev.netkit.udp;

import static dev.netkit.codec.Arguments.checkPositive;

import dev.netkit.codec.DatagramText;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks one or many daytime servers (RFC 867 over UDP) for the time at once, from one socket, and
 * collects the answers until every host has answered or the timeout has passed (book figure 18.3).
 * Answers are matched to hosts by their source address; datagrams from anyone else are ignored.
 *
 * <p>Asynchronous errors: with a single host the socket is connected, so an ICMP "port
 * unreachable" comes back as a {@link PortUnreachableException} for that host. With several hosts
 * the socket cannot be connected, and Linux does not report ICMP errors to an unconnected UDP
 * socket, so a refusing host is then reported as silent. Stateless and thread-safe: each query
 * uses its own socket.
 */
public final class DaytimeClient {

  /** The book's {@code MAX_MSG_LEN} for daytime answers: 100 bytes. */
  public static final int DEFAULT_MAX_REPLY = 100;

  private static final Logger LOG = LoggerFactory.getLogger(DaytimeClient.class);
  private static final byte[] REQUEST = DatagramText.encode("What time is it?");

  private final int maxReply;

  /** Creates a client that reads answers of up to {@value #DEFAULT_MAX_REPLY} bytes. */
  public DaytimeClient() {
    this(DEFAULT_MAX_REPLY);
  }

  /**
   * Creates a client.
   *
   * @param maxReply the longest answer it reads, in bytes (longer ones are cut)
   * @throws IllegalArgumentException if {@code maxReply} is less than 1
   */
  public DaytimeClient(int maxReply) {
    this.maxReply = checkPositive(maxReply, "maxReply");
  }

  /**
   * Asks every host for the time and waits for the answers.
   *
   * @param hosts the servers (resolved or by name; the same address twice is asked once)
   * @param timeout how long to wait for all answers
   * @return who answered, who was silent, who failed
   * @throws IOException if the socket cannot be opened
   * @throws IllegalArgumentException if {@code hosts} is empty or {@code timeout} not positive
   */
  public DaytimeReport query(List<InetSocketAddress> hosts, Duration timeout) throws IOException {
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("hosts : [] (expected: at least one)");
    }
    return new Query(hosts).run(checkPositive(timeout, "timeout"));
  }

  /** The state of one query. */
  private final class Query {
    private final Map<InetSocketAddress, InetSocketAddress> waiting = new LinkedHashMap<>();
    private final List<DaytimeReport.Answer> answers = new ArrayList<>();
    private final List<DaytimeReport.Failure> failures = new ArrayList<>();
    private long sentAt;

    Query(List<InetSocketAddress> hosts) {
      for (InetSocketAddress host : hosts) {
        InetSocketAddress resolved = host.isUnresolved()
            ? new InetSocketAddress(host.getHostString(), host.getPort()) : host;
        if (resolved.isUnresolved()) {
          failures.add(new DaytimeReport.Failure(host,
              new UnknownHostException(host.getHostString())));
        } else {
          waiting.putIfAbsent(resolved, host);
        }
      }
    }

    DaytimeReport run(Duration timeout) throws IOException {
      if (!waiting.isEmpty()) {
        try (DatagramChannel channel = DatagramChannel.open();
            Selector selector = Selector.open()) {
          channel.configureBlocking(false);
          if (waiting.size() == 1) {
            channel.connect(waiting.keySet().iterator().next());
          }
          channel.register(selector, SelectionKey.OP_READ);
          sentAt = System.nanoTime();
          sendAll(channel);
          collect(channel, selector, sentAt + timeout.toNanos());
        }
      }
      return new DaytimeReport(answers, List.copyOf(waiting.values()), failures);
    }

    private void sendAll(DatagramChannel channel) {
      for (InetSocketAddress address : List.copyOf(waiting.keySet())) {
        try {
          channel.send(ByteBuffer.wrap(REQUEST), address);
          LOG.debug("sent to {}", address);
        } catch (IOException e) {
          fail(address, e);
        }
      }
    }

    private void collect(DatagramChannel channel, Selector selector, long deadline)
        throws IOException {
      ByteBuffer in = ByteBuffer.allocate(maxReply);
      long left;
      while (!waiting.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
        selector.select(Math.max(1, Duration.ofNanos(left).toMillis()));
        selector.selectedKeys().clear();
        receiveAll(channel, in);
      }
    }

    private void receiveAll(DatagramChannel channel, ByteBuffer in) {
      try {
        // Connected to its only host, the socket hears of that host's ICMP errors.
        Datagrams.drain(channel, in, this::answer, e -> {
          if (!waiting.isEmpty()) {
            fail(waiting.keySet().iterator().next(), e);
          }
        });
      } catch (IOException e) {
        LOG.debug("receive failed: {}", e.toString());
      }
    }

    private void answer(InetSocketAddress from, ByteBuffer reply) {
      InetSocketAddress host = waiting.remove(from);
      if (host == null) {
        LOG.debug("ignored a datagram from {}, which was not asked or already answered", from);
        return;
      }
      String time = DatagramText.decode(reply).replaceFirst("\r?\n$", "");
      answers.add(new DaytimeReport.Answer(host, time,
          Duration.ofNanos(System.nanoTime() - sentAt)));
    }

    private void fail(InetSocketAddress address, IOException error) {
      InetSocketAddress host = waiting.remove(address);
      if (host != null) {
        failures.add(new DaytimeReport.Failure(host, error));
      }
    }
  }
}
