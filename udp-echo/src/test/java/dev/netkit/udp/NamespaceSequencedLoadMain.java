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
    RtoConfig rto = RtoConfig.builder().initial(Duration.ofMillis(200))
        .min(Duration.ofMillis(10)).max(Duration.ofSeconds(2)).build();
    try (SequencedClient client = SequencedClient.open(server,
        SequencedClientConfig.builder().window(16).rto(rto).build(),
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
      SequencedClientStats stats = client.stats();
      System.out.println("answered=" + stats.answered() + " givenUp=" + givenUp
          + " mismatches=" + mismatches + " sendErrors=" + stats.sendErrors()
          + " retransmitted=" + stats.retransmitted() + " rtoMillis=" + stats.rto().toMillis());
    }
  }
}
