package dev.netkit.udp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Child-JVM program for {@link KernelLossIT}: sends {@code N} sequenced requests to
 * {@code ADDR PORT} and prints one line of {@code key=value} results.
 */
public final class NamespaceSequencedLoadMain {

  private NamespaceSequencedLoadMain() {
  }

  public static void main(String[] args) throws Exception {
    InetSocketAddress server =
        new InetSocketAddress(InetAddress.getByName(args[0]), Integer.parseInt(args[1]));
    int requests = Integer.parseInt(args[2]);
    RtoSettings rto = new RtoSettings(Duration.ofMillis(200), Duration.ofMillis(10),
        Duration.ofSeconds(2));
    try (SequencedClient client = SequencedClient.open(server,
        SequencedClient.Config.defaults().withWindow(16).withRto(rto),
        new SequencedClientListener() { })) {
      List<CompletableFuture<String>> replies = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        replies.add(client.request("kernel loss request " + i));
      }
      int mismatches = 0;
      int givenUp = 0;
      for (int i = 0; i < requests; i++) {
        try {
          String expected = new StringBuilder("kernel loss request " + i).reverse().toString();
          mismatches += replies.get(i).get(60, TimeUnit.SECONDS).equals(expected) ? 0 : 1;
        } catch (ExecutionException e) {
          givenUp += e.getCause() instanceof RequestGivenUpException ? 1 : 0;
        }
      }
      SequencedClientStatistics stats = client.statistics();
      System.out.println("answered=" + stats.answered() + " givenUp=" + givenUp
          + " mismatches=" + mismatches + " sendErrors=" + stats.sendErrors()
          + " retransmitted=" + stats.retransmitted() + " rtoMillis=" + stats.rto().toMillis());
    }
  }
}
