package dev.netkit.udp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A child JVM for {@link FaultyProxyDescriptorIT}: runs a {@link FaultyProxy} on 127.0.0.1 to
 * {@code args[0]} (a port) with {@code args[1]} as its client limit, and samples its own open
 * descriptors every millisecond. Commands on standard input, one a line: {@code limit H} lowers
 * its descriptor limit ({@code prlimit}) to what is open now plus H and prints
 * {@code limited BASE}; {@code stats} prints {@code stats STATS peak=N base=BASE exhausted=B}. Ends at the end
 * of its input.
 */
final class ProxyUnderDescriptorLimit {

  private static final Path OWN_DESCRIPTORS = Path.of("/proc/self/fd");
  private static final java.util.concurrent.atomic.AtomicBoolean EXHAUSTED =
      new java.util.concurrent.atomic.AtomicBoolean();

  private ProxyUnderDescriptorLimit() {
  }

  public static void main(String[] args) throws Exception {
    InetSocketAddress target =
        new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]));
    FaultyProxyConfig config =
        FaultyProxyConfig.builder().maxClients(Integer.parseInt(args[1])).build();
    AtomicLong peak = new AtomicLong();
    long base = 0;
    try (FaultyProxy proxy = new FaultyProxy(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), target, config).start()) {
      Thread sampler = new Thread(() -> sample(peak), "descriptor-sampler");
      sampler.setDaemon(true);
      sampler.start();
      // Links the stats line's code now: out of descriptors, loading a class can fail.
      statsLine(proxy, peak, base);
      System.out.println("port " + proxy.localAddress().getPort());
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("limit ")) {
          base = openDescriptors();
          long limit = base + Long.parseLong(line.substring(6));
          Process prlimit = new ProcessBuilder("prlimit", "--pid",
              Long.toString(ProcessHandle.current().pid()), "--nofile=" + limit + ":" + limit)
              .inheritIO().start();
          if (prlimit.waitFor() != 0) {
            System.out.println("prlimit failed");
            return;
          }
          peak.set(0);
          System.out.println("limited " + base);
        } else if (line.equals("stats")) {
          System.out.println(statsLine(proxy, peak, base));
        }
      }
    }
  }

  private static String statsLine(FaultyProxy proxy, AtomicLong peak, long base) {
    return "stats " + proxy.stats() + " peak=" + peak.get() + " base=" + base + " exhausted="
        + EXHAUSTED.get();
  }

  /** Records the most descriptors seen open (the listing's own descriptor not counted). */
  private static void sample(AtomicLong peak) {
    while (true) {
      try {
        long open = openDescriptors();
        peak.accumulateAndGet(open, Math::max);
        Thread.sleep(1);
      } catch (IOException e) {
        // Out of descriptors: the listing itself cannot open one.
        EXHAUSTED.set(true);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static long openDescriptors() throws IOException {
    try (Stream<Path> all = Files.list(OWN_DESCRIPTORS)) {
      return all.count() - 1;
    }
  }
}
