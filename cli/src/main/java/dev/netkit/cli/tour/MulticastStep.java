package dev.netkit.cli.tour;

import dev.netkit.multicast.TimeBeaconConfig;
import dev.netkit.multicast.TimeBeaconReceiver;
import dev.netkit.multicast.TimeBeaconServer;
import dev.netkit.netns.CapturedProcess;
import dev.netkit.netns.CommandResult;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Chapter 21: the multicast time-of-day beacon heard by two clients sharing one host, and the
 * multicast chat across two hosts, run as netkit programs in two throw-away network namespaces.
 * Without namespaces (not root), the beacon runs in this JVM with TTL 0 on a multicast-capable
 * loopback interface, so nothing leaves the host, with a note that the rest needs namespaces.
 */
final class MulticastStep implements TourStep {

  private static final String GROUP = TimeBeaconConfig.DEFAULT_GROUP;
  private static final Duration START = Duration.ofSeconds(20);
  private static final Duration RUN = Duration.ofSeconds(20);
  private static final int BEACONS = 2;

  @Override
  public String name() {
    return "multicast";
  }

  @Override
  public String chapter() {
    return "chapter 21: multicast time beacon and multicast chat";
  }

  @Override
  public Duration timeout() {
    return Duration.ofSeconds(90);
  }

  @Override
  public void run(StepContext context) throws Exception {
    Optional<String> why = TourHosts.unavailabilityReason();
    if (why.isPresent()) {
      onLoopback(context, why.get());
    } else {
      onTwoHosts(context);
    }
  }

  private static void onTwoHosts(StepContext context) throws Exception {
    TourHosts hosts = TourHosts.create(context, "mcast");
    context.say(hosts.describe() + ", 224.0.0.0/4 routed over the link");
    String ifaceA = hosts.link().interfaceA();
    String hostA = hosts.link().addressA().getHostAddress();
    CapturedProcess beacon = hosts.onA("mcast-time-server", "2070", GROUP, "1",
        "--interval", "500ms", "--iface", ifaceA, "--hostname", "hosta");
    beacon.awaitStdoutLine(line -> line.startsWith("mcast-time-server: sending to"), START);
    context.say("A$ netkit mcast-time-server 2070 " + GROUP + " 1 --interval 500ms   (TTL 1)");
    CapturedProcess first = hosts.onB("mcast-time-client", "--count", "" + BEACONS);
    CapturedProcess second = hosts.onB("mcast-time-client", "--count", "" + BEACONS);
    context.say("B$ netkit mcast-time-client --count " + BEACONS + "   (twice, same port)");
    List<CapturedProcess> clients = List.of(first, second);
    for (int i = 0; i < clients.size(); i++) {
      CommandResult result = clients.get(i).awaitExit(RUN);
      String who = "B client " + (i + 1) + " | ";
      result.stdout().lines().forEach(line -> context.say(who + line));
      context.check(result.exitCode() == 0 && result.stdout().lines().count() == BEACONS
          && result.stdout().contains(hostA + ": "), "both clients on host B hear the beacon");
    }
    chat(context, hosts, ifaceA, hostA);
  }

  private static void chat(StepContext context, TourHosts hosts, String ifaceA, String hostA)
      throws Exception {
    CapturedProcess server =
        hosts.onA("mchat-server", "--bind", "0.0.0.0", "--iface", ifaceA);
    server.awaitStdoutLine(line -> line.startsWith("mchat-server: listening on"), START);
    context.say("A$ netkit mchat-server --bind 0.0.0.0   (channel traffic goes once to the"
        + " channel's group)");
    CapturedProcess alice = hosts.onA("mchat-client", "127.0.0.1");
    CapturedProcess carol = hosts.onB("mchat-client", hostA, "2027", "2028");
    alice.typeLines("alice", "/join Weather");
    alice.awaitStdoutLine(line -> line.contains("Welcome to the Weather Channel"), START);
    carol.typeLines("carol", "/join Weather");
    carol.awaitStdoutLine(line -> line.contains("Welcome to the Weather Channel"), START);
    alice.awaitStdoutLine(line -> line.contains("<carol has entered Weather>"), RUN);
    alice.typeLines("hello from host A");
    carol.awaitStdoutLine(line -> line.contains("alice [Weather]: hello from host A"), RUN);
    carol.typeLines("hello from host B");
    alice.awaitStdoutLine(line -> line.contains("carol [Weather]: hello from host B"), RUN);
    show(context, "A alice", alice);
    show(context, "B carol", carol);
  }

  private static void show(StepContext context, String who, CapturedProcess client) {
    client.stdoutLines().stream().map(line -> line.replace("\t", "").strip())
        .filter(line -> !line.isEmpty())
        .forEach(line -> context.say(who + " | " + line));
  }

  /** TTL 0 on {@code lo}: the beacon never leaves this host, and no join is announced outside. */
  private static void onLoopback(StepContext context, String why) throws Exception {
    context.say("note: the multicast chat and multicast between hosts need network namespaces ("
        + why + "); here the beacon runs in this JVM with TTL 0 on the loopback interface");
    NetworkInterface lo = NetworkInterface.getByName("lo");
    if (lo == null || !lo.isUp() || !lo.supportsMulticast()) {
      context.skip("multicast needs network namespaces (" + why + ") or a multicast-capable lo");
    }
    int port;
    try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    InetAddress group = InetAddress.getByName(GROUP);
    TimeBeaconReceiver first = context.use(TimeBeaconReceiver.open(port, group, Optional.of(lo)));
    TimeBeaconReceiver second = context.use(TimeBeaconReceiver.open(port, group, Optional.of(lo)));
    context.use(new TimeBeaconServer(TimeBeaconConfig.builder()
        .target(group, port).timeToLive(0).period(Duration.ofMillis(500))
        .outgoingInterface("lo").build()).start());
    context.say("mcast-time-server to " + GROUP + ":" + port + ", TTL 0, every 500 ms");
    for (int i = 0; i < BEACONS; i++) {
      for (TimeBeaconReceiver receiver : List.of(first, second)) {
        TimeBeaconReceiver.Beacon heard = receiver.receive();
        context.say("mcast-time-client " + (receiver == first ? 1 : 2) + ": " + heard);
        context.check(heard.text().matches("\\w{3} \\w{3} [ \\d]\\d [\\d:]{8} \\d{4}/.+"),
            "a beacon is <ctime>/<hostname>");
      }
    }
  }
}
