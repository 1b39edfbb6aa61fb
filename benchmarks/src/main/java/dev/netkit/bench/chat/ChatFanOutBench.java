package dev.netkit.bench.chat;

import dev.netkit.bench.BenchOptions;
import dev.netkit.codec.text.DurationText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Chat fan-out throughput: deliveries per second (datagrams received by members) when one member
 * of a channel with 50 or 200 members sends public messages in a closed loop, and the server's
 * CPU time per delivery (user + system; the system part is the kernel's per-datagram work). Side
 * by side in one run, driven identically:
 * <ul>
 *   <li>{@code batched}: netkit's {@link dev.netkit.chat.server.ChatServer}, recvmmsg and one
 *       sendmmsg per 64 copies;</li>
 *   <li>{@code plain}: the same server with one system call per datagram;</li>
 *   <li>{@code book}: the book's Perl server, {@code chat_server.pl} with its ChatObjects classes
 *       (the baseline of the ratios);</li>
 *   <li>{@code java-relay} and {@code perl-relay}: a receive + one send per member loop with no
 *       chat logic, in Java and in Perl (the ceilings of a per-datagram server in each);</li>
 *   <li>{@code mmsg-relay} and {@code mmsg-2thr} (unless {@code --no-mmsg-relays}): a minimal Java
 *       relay with batched calls on one thread, and with a separate sending thread
 *       ({@link MmsgRelay}): does a sending thread pay on this machine?</li>
 * </ul>
 * Relays take turns within a round, in an order that alternates from round to round; the tables
 * give median rates and the medians of per-round ratios against the book's server.
 *
 * <pre>
 *   java -cp benchmarks/target/netkit-benchmarks.jar dev.netkit.bench.chat.ChatFanOutBench \
 *       [--duration 5s] [--warmup 2s] [--rounds 3] [--window 8] [--members 50,200] [--no-perl] [--no-mmsg-relays]
 * </pre>
 *
 * <p>Loopback only. The member sockets, the reader thread and the relay share the machine's
 * cores, the same way for every relay.
 */
public final class ChatFanOutBench {

  private static final String BASELINE = "book";

  private ChatFanOutBench() {
  }

  /**
   * Runs the benchmark and prints a table per member count and the goal line.
   *
   * @param args options, see the class comment
   * @throws Exception if a relay fails
   */
  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.parse(args, "duration", "warmup", "rounds",
        "window", "members", "no-perl", "no-mmsg-relays");
    Duration duration = options.duration("duration", Duration.ofSeconds(5));
    Duration warmup = options.duration("warmup", Duration.ofSeconds(2));
    int rounds = options.integer("rounds", 3);
    int window = options.integer("window", 8);
    int[] memberCounts = options.integers("members", 50, 200);
    Map<String, Supplier<Relay>> relays = new LinkedHashMap<>();
    relays.put("batched", () -> new NetkitChatRelay(true));
    relays.put("plain", () -> new NetkitChatRelay(false));
    boolean perl = !options.has("no-perl") && PerlRelay.available();
    if (perl) {
      relays.put(BASELINE, PerlRelay::bookServer);
    }
    relays.put("java-relay", JavaUnicastRelay::new);
    if (!options.has("no-mmsg-relays")) {
      relays.put("mmsg-relay", () -> new MmsgRelay(false));
      relays.put("mmsg-2thr", () -> new MmsgRelay(true));
    }
    if (perl) {
      relays.put("perl-relay", PerlRelay::minimal);
    }
    System.out.printf(Locale.ROOT, "chat fan-out: one sender, closed loop (window %d), %s "
        + "measured after %s warm-up, median of %d rounds%n", window,
        DurationText.format(duration), DurationText.format(warmup), rounds);
    Map<Integer, Double> goal = new LinkedHashMap<>();
    for (int members : memberCounts) {
      Map<String, List<FanOutDriver.Result>> results = runRounds(relays, members, window,
          rounds, warmup, duration);
      printTable(members, results);
      goal.put(members, medianRatio(results, "batched", BASELINE));
      System.out.printf(Locale.ROOT, "goal: members=%d batched/book=%.2fx(>=4x at 200) "
          + "lost=%.2f%%%n", members, goal.get(members),
          median(results.get("batched").stream().mapToDouble(FanOutDriver.Result::lossPercent)
              .toArray()));
    }
  }

  private static Map<String, List<FanOutDriver.Result>> runRounds(
      Map<String, Supplier<Relay>> relays, int members, int window, int rounds,
      Duration warmup, Duration duration) throws Exception {
    Map<String, List<FanOutDriver.Result>> results = new LinkedHashMap<>();
    List<Map.Entry<String, Supplier<Relay>>> order = new ArrayList<>(relays.entrySet());
    for (int round = 0; round < rounds; round++) {
      List<Map.Entry<String, Supplier<Relay>>> turn = new ArrayList<>(order);
      if (round % 2 == 1) {
        Collections.reverse(turn);
      }
      for (Map.Entry<String, Supplier<Relay>> relay : turn) {
        FanOutDriver.Result result = new FanOutDriver(members, window)
            .run(relay.getValue().get(), warmup, duration);
        results.computeIfAbsent(relay.getKey(), k -> new ArrayList<>()).add(result);
        System.err.printf(Locale.ROOT, "  %d members, %s, round %d: %.0f deliveries/s, "
            + "%.2f us CPU/delivery, %.2f%% lost%n", members, relay.getKey(), round + 1,
            result.deliveriesPerSecond(), result.serverCpuMicrosPerMessage() / members,
            result.lossPercent());
      }
    }
    return results;
  }

  private static void printTable(int members, Map<String, List<FanOutDriver.Result>> results) {
    System.out.printf(Locale.ROOT, "%d members:%n%-11s %13s %9s %15s %15s %8s%n", members,
        "server", "deliveries/s", "vs book", "cpu-us/delivery", "sys-us/delivery", "lost%");
    for (Map.Entry<String, List<FanOutDriver.Result>> entry : results.entrySet()) {
      List<FanOutDriver.Result> runs = entry.getValue();
      System.out.printf(Locale.ROOT, "%-11s %13.0f %8.2fx %15.2f %15.2f %8.2f%n",
          entry.getKey(), median(results, entry.getKey()),
          medianRatio(results, entry.getKey(), BASELINE),
          median(runs.stream().mapToDouble(r -> r.serverCpuMicrosPerMessage() / members)
              .toArray()),
          median(runs.stream().mapToDouble(r -> r.serverSystemMicrosPerMessage() / members)
              .toArray()),
          median(runs.stream().mapToDouble(FanOutDriver.Result::lossPercent).toArray()));
    }
  }

  private static double median(Map<String, List<FanOutDriver.Result>> results, String relay) {
    if (!results.containsKey(relay)) {
      return Double.NaN;
    }
    return median(results.get(relay).stream()
        .mapToDouble(FanOutDriver.Result::deliveriesPerSecond).toArray());
  }

  /** The median over rounds of one relay's rate divided by another's in the same round. */
  private static double medianRatio(Map<String, List<FanOutDriver.Result>> results, String a,
      String b) {
    if (!results.containsKey(a) || !results.containsKey(b)) {
      return Double.NaN;
    }
    List<FanOutDriver.Result> top = results.get(a);
    List<FanOutDriver.Result> bottom = results.get(b);
    double[] ratios = new double[top.size()];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = top.get(i).deliveriesPerSecond() / bottom.get(i).deliveriesPerSecond();
    }
    return median(ratios);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
