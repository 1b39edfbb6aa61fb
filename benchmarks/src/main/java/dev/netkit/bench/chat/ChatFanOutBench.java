package dev.netkit.bench.chat;

import dev.netkit.bench.BenchOptions;
import dev.netkit.codec.text.DurationText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Chat fan-out throughput: deliveries per second (datagrams received by members) when one member
 * of a channel with 50 or 200 members sends public messages in a closed loop, for netkit's
 * {@link dev.netkit.chat.server.ChatServer} with batched system calls (recvmmsg, one sendmmsg
 * per 64 copies) and plain ones (one call per datagram) and, in the same run and driven
 * identically, a minimal Java relay (receive + one send per member, nothing else: the ceiling
 * for a per-datagram Java fan-out) and a minimal Perl relay (the same loop in Perl: an upper
 * bound for the book's Perl server, which does these sends plus its chat logic). Relays take
 * turns within a round, in an order that alternates from round to round; the table gives the
 * median rates and the medians of the per-round ratios.
 *
 * <pre>
 *   java -cp benchmarks/target/netkit-benchmarks.jar dev.netkit.bench.chat.ChatFanOutBench \
 *       [--duration 5s] [--warmup 2s] [--rounds 3] [--window 8] [--members 50,200] [--no-perl]
 * </pre>
 *
 * <p>Loopback only. The member sockets, the reader thread and the relay share the machine's
 * cores, the same way for every relay.
 */
public final class ChatFanOutBench {

  private ChatFanOutBench() {
  }

  /**
   * Runs the benchmark and prints a table.
   *
   * @param args options, see the class comment
   * @throws Exception if a relay fails
   */
  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.parse(args, "duration", "warmup", "rounds",
        "window", "members", "no-perl");
    Duration duration = options.duration("duration", Duration.ofSeconds(5));
    Duration warmup = options.duration("warmup", Duration.ofSeconds(2));
    int rounds = options.integer("rounds", 3);
    int window = options.integer("window", 8);
    int[] memberCounts = options.integers("members", 50, 200);
    Map<String, Supplier<Relay>> relays = new LinkedHashMap<>();
    relays.put("netkit", () -> new NetkitChatRelay(true));
    relays.put("plain", () -> new NetkitChatRelay(false));
    relays.put("java", JavaUnicastRelay::new);
    if (!options.has("no-perl") && PerlRelay.available()) {
      relays.put("perl", PerlRelay::new);
    }
    System.out.printf(Locale.ROOT, "chat fan-out: one sender, closed loop (window %d), %s "
        + "measured after %s warm-up, median of %d rounds; deliveries/s%n", window,
        DurationText.format(duration), DurationText.format(warmup), rounds);
    System.out.printf(Locale.ROOT, "%-8s %12s %12s %12s %12s %14s %13s %12s %12s%n", "members",
        "batched", "plain", "java-relay", "perl-relay", "batched/plain", "batched/perl",
        "plain/perl", "batched/java");
    for (int members : memberCounts) {
      Map<String, List<FanOutDriver.Result>> results = new LinkedHashMap<>();
      List<Map.Entry<String, Supplier<Relay>>> order = new ArrayList<>(relays.entrySet());
      for (int round = 0; round < rounds; round++) {
        List<Map.Entry<String, Supplier<Relay>>> turn = new ArrayList<>(order);
        if (round % 2 == 1) {
          java.util.Collections.reverse(turn);
        }
        for (Map.Entry<String, Supplier<Relay>> relay : turn) {
          FanOutDriver.Result result = new FanOutDriver(members, window)
              .run(relay.getValue().get(), warmup, duration);
          results.computeIfAbsent(relay.getKey(), k -> new ArrayList<>()).add(result);
          System.err.printf(Locale.ROOT, "  %d members, %s, round %d: %.0f deliveries/s, "
              + "%.0f messages/s, %.2f%% lost%n", members, relay.getKey(), round + 1,
              result.deliveriesPerSecond(), result.messagesPerSecond(), result.lossPercent());
        }
      }
      System.out.printf(Locale.ROOT, "%-8d %12.0f %12.0f %12.0f %12.0f %14.2f %13.2f %12.2f "
          + "%12.2f%n", members, median(results, "netkit"), median(results, "plain"),
          median(results, "java"), median(results, "perl"),
          medianRatio(results, "netkit", "plain"), medianRatio(results, "netkit", "perl"),
          medianRatio(results, "plain", "perl"), medianRatio(results, "netkit", "java"));
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
