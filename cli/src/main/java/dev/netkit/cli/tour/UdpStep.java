package dev.netkit.cli.tour;

import dev.netkit.udp.DaytimeClient;
import dev.netkit.udp.DaytimeReport;
import dev.netkit.udp.DaytimeServer;
import dev.netkit.udp.EchoClient;
import dev.netkit.udp.FaultyProxy;
import dev.netkit.udp.FaultyProxyConfig;
import dev.netkit.udp.FaultyProxyStats;
import dev.netkit.udp.ReverseEchoServer;
import dev.netkit.udp.RtoConfig;
import dev.netkit.udp.SequencedClient;
import dev.netkit.udp.SequencedClientConfig;
import dev.netkit.udp.SequencedClientListener;
import dev.netkit.udp.SequencedClientStats;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chapter 18: the reverse-echo server answering the plain client, the sequenced client keeping
 * many requests in flight through a proxy that loses and duplicates datagrams, and daytime.
 */
final class UdpStep implements TourStep {

  private static final InetSocketAddress LOOPBACK_ANY =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  private static final int REQUESTS = 100;
  private static final double LOSS = 0.2;
  private static final double DUPLICATE = 0.1;
  private static final int MAX_TRIES = 12;
  private static final int BOOK_LINES_SHOWN = 2;
  private static final RtoConfig FAST_RTO = RtoConfig.builder().initial(Duration.ofMillis(200))
      .min(Duration.ofMillis(50)).max(Duration.ofSeconds(1)).build();

  @Override
  public String name() {
    return "udp";
  }

  @Override
  public String chapter() {
    return "chapter 18: UDP reverse echo, a sequenced client over a lossy link, daytime";
  }

  @Override
  public void run(StepContext context) throws Exception {
    ReverseEchoServer server = context.use(new ReverseEchoServer(LOOPBACK_ANY).start());
    context.say("echo-server listening on " + Addresses.show(server.localAddress()));
    plainEcho(context, server.localAddress());
    sequencedThroughLossyProxy(context, server.localAddress());
    daytime(context);
  }

  private static void plainEcho(StepContext context, InetSocketAddress server) throws Exception {
    try (EchoClient client = EchoClient.open(server)) {
      String request = "Hello, network programmers";
      String reply = client.request(request);
      context.say("echo-client: \"" + request + "\" => \"" + reply + "\"");
      context.check(reply.equals(new StringBuilder(request).reverse().toString()),
          "the reply is the request reversed");
    }
  }

  private static void sequencedThroughLossyProxy(StepContext context, InetSocketAddress server)
      throws Exception {
    FaultyProxy proxy = context.use(new FaultyProxy(LOOPBACK_ANY, server,
        FaultyProxyConfig.builder().loss(LOSS).duplicate(DUPLICATE).seed(18).build()).start());
    context.say("udp-proxy on " + Addresses.show(proxy.localAddress()) + ": loses " + percent(LOSS)
        + " and duplicates " + percent(DUPLICATE) + " of datagrams, each way");
    BookLines book = new BookLines(context);
    SequencedClientConfig config = SequencedClientConfig.builder().maxTries(MAX_TRIES)
        .rto(FAST_RTO).build();
    List<CompletableFuture<Boolean>> replies = new ArrayList<>();
    try (SequencedClient client = context.use(
        SequencedClient.open(proxy.localAddress(), config, book))) {
      for (int i = 1; i <= REQUESTS; i++) {
        String payload = "request number " + i;
        replies.add(client.request(payload).thenApply(
            reply -> reply.equals(new StringBuilder(payload).reverse().toString())));
      }
      CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new))
          .get(30, TimeUnit.SECONDS);
      SequencedClientStats stats = client.stats();
      FaultyProxyStats lossy = proxy.stats();
      context.say("echo-client --sequenced: " + stats.sent() + " requests, " + stats.answered()
          + " answered, " + stats.retransmitted() + " retransmitted, " + stats.duplicates()
          + " duplicates discarded, " + stats.outOfOrder() + " out of order, "
          + stats.givenUp() + " given up");
      context.say("proxy: " + lossy.received() + " datagrams in, " + lossy.dropped()
          + " dropped, " + lossy.duplicated() + " duplicated; client's adaptive RTO now "
          + stats.rto().toMillis() + " ms (srtt " + stats.srtt().toNanos() / 1000 + " us)");
      context.check(replies.stream().allMatch(CompletableFuture::join),
          "every reply is its request reversed");
      context.check(stats.answered() == REQUESTS, "all " + REQUESTS + " requests answered");
      context.check(stats.retransmitted() > 0 && lossy.dropped() > 0,
          "the proxy lost datagrams and the client retransmitted");
    }
  }

  private static void daytime(StepContext context) throws Exception {
    DaytimeServer server = context.use(new DaytimeServer(LOOPBACK_ANY).start());
    DaytimeReport report = new DaytimeClient().query(List.of(server.localAddress()),
        Duration.ofSeconds(2));
    context.check(report.allAnswered(), "the daytime server answered");
    DaytimeReport.Answer answer = report.answers().get(0);
    context.say("daytime-client: " + Addresses.show(answer.host()) + " says \"" + answer.time()
        + "\" (" + answer.roundTrip().toNanos() / 1000 + " us round trip)");
  }

  private static String percent(double p) {
    return Math.round(p * 100) + "%";
  }

  /** Prints the first few of each kind of the book's client messages; the totals follow. */
  private static final class BookLines implements SequencedClientListener {
    private final StepContext context;
    private final AtomicInteger retriesShown = new AtomicInteger();
    private final AtomicInteger duplicatesShown = new AtomicInteger();

    BookLines(StepContext context) {
      this.context = context;
    }

    @Override
    public void retrying(long sequence, int tries) {
      show(retriesShown, sequence + ": retrying... (try " + tries + ")");
    }

    @Override
    public void duplicate(long sequence) {
      show(duplicatesShown, "Discarding duplicate message seqno = " + sequence);
    }

    private void show(AtomicInteger shown, String line) {
      if (shown.getAndIncrement() < BOOK_LINES_SHOWN) {
        context.say("echo-client --sequenced: " + line);
      }
    }
  }
}
