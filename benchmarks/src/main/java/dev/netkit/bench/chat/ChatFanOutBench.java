package dev.netkit.bench.chat;

import dev.netkit.bench.BenchOptions;
import dev.netkit.codec.text.DurationText;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Chat fan-out throughput: deliveries per second (datagrams received by members) when one member
 * of a channel with 50 or 200 members sends public messages in a closed loop, for netkit's
 * {@link dev.netkit.chat.server.ChatServer} and, in the same run and driven identically, a
 * minimal Java relay (receive + one send per member, nothing else: the ceiling for any Java
 * fan-out on this socket API) and a minimal Perl relay (the same loop in Perl: an upper bound
 * for the book's Perl server). Each figure is the median of several rounds; relays take turns.
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
    relays.put("netkit", NetkitChatRelay::new);
    relays.put("java", JavaUnicastRelay::new);
    if (!options.has("no-perl") && PerlRelay.available()) {
      relays.put("perl", PerlRelay::new);
    }
    System.out.printf(Locale.ROOT, "chat fan-out: one sender, closed loop (window %d), %s "
        + "measured after %s warm-up, median of %d rounds; deliveries/s%n", window,
        DurationText.format(duration), DurationText.format(warmup), rounds);
    System.out.printf(Locale.ROOT, "%-8s %14s %14s %14s %12s %12s%n", "members",
        "netkit", "java-relay", "perl-relay", "netkit/java", "netkit/perl");
    for (int members : memberCounts) {
      Map<String, List<FanOutDriver.Result>> results = new LinkedHashMap<>();
      for (int round = 0; round < rounds; round++) {
        for (Map.Entry<String, Supplier<Relay>> relay : relays.entrySet()) {
          FanOutDriver.Result result = new FanOutDriver(members, window)
              .run(relay.getValue().get(), warmup, duration);
          results.computeIfAbsent(relay.getKey(), k -> new ArrayList<>()).add(result);
          System.err.printf(Locale.ROOT, "  %d members, %s, round %d: %.0f deliveries/s, "
              + "%.0f messages/s, %.2f%% lost%n", members, relay.getKey(), round + 1,
              result.deliveriesPerSecond(), result.messagesPerSecond(), result.lossPercent());
        }
      }
      double netkit = median(results.get("netkit"));
      double java = median(results.get("java"));
      double perl = results.containsKey("perl") ? median(results.get("perl")) : Double.NaN;
      System.out.printf(Locale.ROOT, "%-8d %14.0f %14.0f %14.0f %12.2f %12.2f%n", members,
          netkit, java, perl, netkit / java, netkit / perl);
    }
  }

  private static double median(List<FanOutDriver.Result> results) {
    double[] values = results.stream().mapToDouble(FanOutDriver.Result::deliveriesPerSecond)
        .sorted().toArray();
    return values[values.length / 2];
  }
}
