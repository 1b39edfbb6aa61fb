package dev.netkit.bench.chat;

import dev.netkit.bench.BenchOptions;
import dev.netkit.codec.text.DurationText;
import dev.netkit.netns.NetworkNamespace;
import java.io.IOException;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Multicast against unicast chat fan-out, side by side in one run: netkit's
 * {@link dev.netkit.chat.server.ChatServer} with its unicast fan-out and with the
 * {@link dev.netkit.multicast.MulticastFanOut}, one channel of 200 members, one sender in a
 * closed loop (the {@link FanOutDriver} of {@link ChatFanOutBench}). Prints deliveries per second
 * at the receivers (one thread drains all members, as in {@link ChatFanOutBench}), the datagrams
 * the server sent per message (from the namespace's UDP OutDatagrams counter, the sender's own
 * datagrams subtracted) and the server thread's CPU time per message.
 *
 * <pre>
 *   sudo java -cp benchmarks/target/netkit-benchmarks.jar dev.netkit.bench.chat.McastFanOutBench \
 *       [--duration 5s] [--warmup 2s] [--rounds 3] [--members 200]
 * </pre>
 *
 * <p>Safety: multicast runs only inside a network namespace this program creates with
 * {@link NetworkNamespace} (needs root and iproute2): {@code nk-mcbench-PID-N} with only a
 * loopback interface (MULTICAST on, 224.0.0.0/4 routed to it); it reruns itself there with
 * {@code --inside NAME}, and deletes the namespace afterwards, also when interrupted. Run with
 * {@code --inside} by hand, it refuses unless it really is inside that namespace and loopback is
 * the only interface; the multicast server also sends with time to live 0 by the loopback
 * interface.
 */
public final class McastFanOutBench {

  /** The label of the namespace this benchmark makes ({@code nk-mcbench-PID-N}). */
  private static final String LABEL = "mcbench";
  private static final long CHILD_LIMIT_MINUTES = 30;

  private McastFanOutBench() {
  }

  /**
   * Creates the namespace and runs the benchmark inside it, or (with {@code --inside}) runs it.
   *
   * @param args options, see the class comment
   * @throws Exception if the namespace cannot be made or a relay fails
   */
  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.parse(args, "inside", "duration", "warmup",
        "rounds", "members", "window");
    if (options.has("inside")) {
      String refusal = refusal(options.text("inside"));
      if (refusal != null) {
        System.err.println("mcast-fanout-bench: refusing to run: " + refusal);
        System.exit(2);
      }
      measure(options);
      return;
    }
    System.exit(inNamespace(args));
  }

  /** Makes the namespace, runs this class inside it, deletes the namespace. */
  private static int inNamespace(String[] args) throws IOException, InterruptedException {
    try (NetworkNamespace namespace = NetworkNamespace.create(LABEL)) {
      namespace.enableLoopbackMulticast();
      List<String> childArgs = new ArrayList<>(List.of("--inside", namespace.name()));
      childArgs.addAll(List.of(args));
      Process child = namespace.start(new ProcessBuilder(NetworkNamespace.javaCommand(List.of(),
          McastFanOutBench.class.getName(), childArgs)).inheritIO());
      if (!child.waitFor(CHILD_LIMIT_MINUTES, TimeUnit.MINUTES)) {
        System.err.println("mcast-fanout-bench: stopped after " + CHILD_LIMIT_MINUTES + " min");
        return 1;
      }
      return child.exitValue();
    }
  }

  /** Why this process must not multicast, or null when it is inside our namespace. */
  private static String refusal(String name) throws IOException {
    if (name == null || !name.matches("nk-" + LABEL + "-\\d+-\\d+")) {
      return "--inside takes a namespace made by this benchmark (nk-" + LABEL + "-PID-N)";
    }
    Path namespace = Path.of("/run/netns", name);
    if (!Files.exists(namespace)
        || !Files.isSameFile(Path.of("/proc/self/ns/net"), namespace)) {
      return "not inside network namespace " + name;
    }
    List<String> interfaces = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
        .map(NetworkInterface::getName).toList();
    if (!interfaces.equals(List.of("lo"))) {
      return "the namespace has interfaces other than lo: " + interfaces;
    }
    return null;
  }

  private static void measure(BenchOptions options) throws Exception {
    Duration duration = options.duration("duration", Duration.ofSeconds(5));
    Duration warmup = options.duration("warmup", Duration.ofSeconds(2));
    int rounds = options.integer("rounds", 3);
    int members = options.integer("members", 200);
    int window = options.integer("window", 8);
    Map<String, Supplier<Relay>> relays = new LinkedHashMap<>();
    relays.put("unicast", () -> new NetkitChatRelay(true));
    relays.put("multicast", MulticastChatRelay::new);
    Map<String, List<FanOutDriver.Result>> results = new LinkedHashMap<>();
    for (int round = 0; round < rounds; round++) {
      for (Map.Entry<String, Supplier<Relay>> relay : relays.entrySet()) {
        FanOutDriver driver = new FanOutDriver(members, window,
            McastFanOutBench::udpOutDatagrams);
        FanOutDriver.Result result = driver.run(relay.getValue().get(), warmup, duration);
        results.computeIfAbsent(relay.getKey(), k -> new ArrayList<>()).add(result);
        System.err.printf(Locale.ROOT, "  %s, round %d: %.0f deliveries/s, %.0f messages/s, "
            + "%.2f sends/message, %.1f us server CPU/message, %.2f%% lost%n", relay.getKey(),
            round + 1, result.deliveriesPerSecond(), result.messagesPerSecond(),
            result.serverSendsPerMessage(), result.serverCpuMicrosPerMessage(),
            result.lossPercent());
      }
    }
    System.out.printf(Locale.ROOT, "chat fan-out, %d members, one sender, closed loop (window "
        + "%d), %s after %s warm-up, median of %d rounds, in a namespace on loopback%n",
        members, window, DurationText.format(duration), DurationText.format(warmup), rounds);
    System.out.printf(Locale.ROOT, "%-10s %14s %14s %14s %16s %8s%n", "server",
        "deliveries/s", "messages/s", "sends/message", "server-cpu-us/msg", "lost%");
    for (Map.Entry<String, List<FanOutDriver.Result>> entry : results.entrySet()) {
      FanOutDriver.Result median = median(entry.getValue());
      System.out.printf(Locale.ROOT, "%-10s %14.0f %14.0f %14.2f %16.1f %8.2f%n",
          entry.getKey(), median.deliveriesPerSecond(), median.messagesPerSecond(),
          median.serverSendsPerMessage(), median.serverCpuMicrosPerMessage(),
          median.lossPercent());
    }
    System.out.printf(Locale.ROOT, "multicast/unicast deliveries/s: %.2f%n",
        median(results.get("multicast")).deliveriesPerSecond()
            / median(results.get("unicast")).deliveriesPerSecond());
  }

  private static FanOutDriver.Result median(List<FanOutDriver.Result> results) {
    List<FanOutDriver.Result> sorted = new ArrayList<>(results);
    sorted.sort((a, b) -> Double.compare(a.deliveriesPerSecond(), b.deliveriesPerSecond()));
    return sorted.get(sorted.size() / 2);
  }

  /** The namespace's count of UDP datagrams sent ({@code Udp: … OutDatagrams}). */
  private static long udpOutDatagrams() {
    try {
      List<String> udp = Files.readAllLines(Path.of("/proc/net/snmp")).stream()
          .filter(line -> line.startsWith("Udp: ")).toList();
      List<String> names = List.of(udp.get(0).split("\\s+"));
      return Long.parseLong(udp.get(1).split("\\s+")[names.indexOf("OutDatagrams")]);
    } catch (IOException e) {
      throw new IllegalStateException("reading /proc/net/snmp", e);
    }
  }
}
