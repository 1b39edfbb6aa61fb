package dev.netkit.udp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.testsupport.CloseAfterEach;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Finding 5 of issue 15: a flood of new source ports must not run the proxy out of descriptors,
 * and running out must not stop the relay. The proxy runs in a child JVM whose descriptor limit
 * is lowered with {@code prlimit} (skipped where there is no {@code prlimit} or no
 * {@code /proc/self/fd}).
 */
class FaultyProxyDescriptorIT {

  private static final int ROUNDS = 8;
  private static final int SOURCES = 200;
  private static final Pattern STATS = Pattern.compile(
      "upstreamFailures=(\\d+), [^]]*\\] peak=(\\d+) base=(\\d+) exhausted=(\\w+)");

  @RegisterExtension
  final CloseAfterEach resources = new CloseAfterEach();

  private ReverseEchoServer target;
  private Process child;
  private final BlockingQueue<String> childOut = new LinkedBlockingQueue<>();
  private final List<String> childSeen = new CopyOnWriteArrayList<>();
  private PrintWriter childIn;

  @BeforeEach
  void needsPrlimit() {
    Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "no /proc/self/fd");
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/prlimit"))
        || Files.isExecutable(Path.of("/bin/prlimit")), "no prlimit");
  }

  @AfterEach
  void stopChild() throws InterruptedException {
    if (child != null) {
      childIn.close();
      if (!child.waitFor(10, TimeUnit.SECONDS)) {
        child.destroyForcibly();
      }
    }
  }

  @Test
  void aFloodOfSourcePortsKeepsDescriptorsWithinTheClientLimit() throws Exception {
    int maxClients = 4;
    int proxyPort = startChild(maxClients);
    Peer warmUp = resources.use(new Peer());
    assertThat(warmUp.exchange("warm", address(proxyPort))).isEqualTo("mraw");
    long base = limit(12);

    flood(proxyPort);

    Peer late = resources.use(new Peer());
    assertThat(answers(late, "still there", proxyPort)).as("relay after the flood; child said %s",
        childSeen).isEqualTo("ereht llits");
    Matcher stats = stats();
    System.out.printf("flood of %d source ports x %d, maxClients %d: peak %s descriptors over "
        + "a base of %d%n", SOURCES, ROUNDS, maxClients, Long.parseLong(stats.group(2)) - base,
        base);
    assertThat(stats.group(4)).as("descriptors exhausted").isEqualTo("false");
    assertThat(Long.parseLong(stats.group(1))).as("upstream failures").isZero();
    assertThat(Long.parseLong(stats.group(2)) - base).as("peak over base")
        .isLessThanOrEqualTo(maxClients + 6);
  }

  @Test
  void theRelaySurvivesRunningOutOfDescriptors() throws Exception {
    int proxyPort = startChild(FaultyProxyConfig.DEFAULT_MAX_CLIENTS);
    Peer known = resources.use(new Peer());
    assertThat(known.exchange("before", address(proxyPort))).isEqualTo("erofeb");
    limit(2);

    flood(proxyPort);

    assertThat(answers(known, "after", proxyPort)).as("relay after EMFILE; child said %s",
        childSeen).isEqualTo("retfa");
    assertThat(Long.parseLong(stats().group(1))).as("upstream failures").isPositive();
  }

  /**
   * Asks through the proxy until it answers, for up to 30 s (the flood may still fill its
   * receive buffer, where a request is lost), and returns the answer or null.
   */
  private static String answers(Peer peer, String request, int proxyPort) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() - deadline < 0) {
      peer.send(request, address(proxyPort));
      String answer = peer.receive(500);
      if (answer != null) {
        return answer;
      }
    }
    return null;
  }

  private int startChild(int maxClients) throws IOException, InterruptedException {
    target = resources.use(new ReverseEchoServer(Peer.ANY_LOOPBACK)).start();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        ProxyUnderDescriptorLimit.class.getName(),
        Integer.toString(target.localAddress().getPort()), Integer.toString(maxClients)));
    child = new ProcessBuilder(command).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    // Read all the time: a child blocked on a full pipe would stop relaying.
    Thread reader = new Thread(() -> {
      try {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          childOut.add(line);
        }
      } catch (IOException e) {
        childOut.add("reading the child failed: " + e);
      }
    }, "child-output");
    reader.setDaemon(true);
    reader.start();
    childIn = new PrintWriter(child.getOutputStream(), true, StandardCharsets.US_ASCII);
    return Integer.parseInt(awaitLine("port ").substring(5));
  }

  private long limit(int headroom) throws InterruptedException {
    childIn.println("limit " + headroom);
    return Long.parseLong(awaitLine("limited ").substring(8));
  }

  private Matcher stats() throws InterruptedException {
    childIn.println("stats");
    String line = awaitLine("stats ");
    Matcher matcher = STATS.matcher(line);
    assertThat(matcher.find()).as(line).isTrue();
    return matcher;
  }

  private String awaitLine(String prefix) throws InterruptedException {
    for (String line = childOut.poll(30, TimeUnit.SECONDS); line != null;
        line = childOut.poll(30, TimeUnit.SECONDS)) {
      if (line.startsWith(prefix)) {
        return line;
      }
      childSeen.add(line);
    }
    throw new AssertionError("no '" + prefix + "' from the child within 30 s: " + childSeen);
  }

  /** One datagram from each of {@link #SOURCES} source ports, {@link #ROUNDS} times over. */
  private void flood(int proxyPort) throws IOException {
    List<Peer> sources = new ArrayList<>();
    for (int i = 0; i < SOURCES; i++) {
      sources.add(resources.use(new Peer()));
    }
    for (int round = 0; round < ROUNDS; round++) {
      for (Peer source : sources) {
        source.send("x", address(proxyPort));
      }
    }
  }

  private static InetSocketAddress address(int port) {
    return new InetSocketAddress(Peer.ANY_LOOPBACK.getAddress(), port);
  }
}
