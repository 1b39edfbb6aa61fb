package dev.netkit.cli.udp;

import dev.netkit.cli.NetkitMain;
import dev.netkit.cli.support.ExitStatus;
import dev.netkit.cli.support.HostPortConverter;
import dev.netkit.udp.DaytimeServer;
import dev.netkit.udp.ReverseEchoServer;
import dev.netkit.udp.ReverseEchoServerConfig;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class UdpProgramsIT {

  private static final InetSocketAddress LOOPBACK_ANY =
      new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  private static final Pattern PORT = Pattern.compile("127\\.0\\.0\\.1:(\\d+)");

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final List<AutoCloseable> resources = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable resource : resources) {
      resource.close();
    }
  }

  private int run(Callable<Integer> command, String... args) {
    CommandLine commandLine = new CommandLine(command);
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }

  private CompletableFuture<Integer> runInBackground(Callable<Integer> command, String... args) {
    return CompletableFuture.supplyAsync(() -> run(command, args));
  }

  private EchoClientCommand echoClient(String stdin) {
    EchoClientCommand command = new EchoClientCommand();
    command.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    return command;
  }

  private int startedPort() {
    await().atMost(Duration.ofSeconds(10)).until(() -> PORT.matcher(out.toString()).find());
    Matcher matcher = PORT.matcher(out.toString());
    assertThat(matcher.find()).isTrue();
    return Integer.parseInt(matcher.group(1));
  }

  private static String exchange(int port, String text) throws Exception {
    try (DatagramSocket socket = new DatagramSocket(LOOPBACK_ANY)) {
      socket.setSoTimeout(5_000);
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
      DatagramPacket reply = new DatagramPacket(new byte[512], 512);
      socket.receive(reply);
      return new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void echoClientPrintsEachReply() throws Exception {
    ReverseEchoServer server = new ReverseEchoServer(LOOPBACK_ANY).start();
    resources.add(server);

    int status = run(echoClient("hello there\nwhat's up?\n"), "127.0.0.1",
        String.valueOf(server.localAddress().getPort()));

    assertThat(status).isZero();
    assertThat(out.toString()).isEqualTo("ereht olleh\n?pu s'tahw\n");
  }

  @Test
  void echoClientGivesUpOnASilentPort() throws Exception {
    DatagramSocket silent = new DatagramSocket(LOOPBACK_ANY);
    resources.add(silent);

    int status = NetkitMain.runProgram(new PrintWriter(out, true), new PrintWriter(err, true),
        echoClient("anyone home?\n"), "echo-client", "127.0.0.1",
        String.valueOf(silent.getLocalPort()), "--timeout", "100ms", "--tries", "2");

    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("echo-client: no reply from /127.0.0.1:"
        + silent.getLocalPort() + " after 2 tries of 100 ms\n");
  }

  @Test
  void sequencedEchoClientPairsRequestsAndRepliesLikeTheBook() throws Exception {
    ReverseEchoServer server = new ReverseEchoServer(LOOPBACK_ANY,
        ReverseEchoServerConfig.builder().flaky(true).seed(5).build()).start();
    resources.add(server);
    List<String> lines = List.of("hello there", "this is unreliable communications",
        "but it works anyway");

    int status = run(echoClient(String.join("\n", lines) + "\n"), "127.0.0.1",
        String.valueOf(server.localAddress().getPort()), "--sequenced", "--timeout", "50ms",
        "--tries", "10");

    assertThat(status).isZero();
    assertThat(out.toString().lines()).containsExactlyInAnyOrder(
        "hello there => ereht olleh",
        "this is unreliable communications => snoitacinummoc elbailernu si siht",
        "but it works anyway => yawyna skrow ti tub");
    assertThat(err.toString().lines()).allMatch(line -> line.matches(
        "\\d+: retrying\\.\\.\\.|Discarding duplicate message seqno = \\d+"
            + "|Out of order message seqno = \\d+"));
  }

  @Test
  void sequencedEchoClientReportsGivingUpAndKeepsGoing() throws Exception {
    DatagramSocket silent = new DatagramSocket(LOOPBACK_ANY);
    resources.add(silent);

    int status = run(echoClient("one\ntwo\n"), "127.0.0.1",
        String.valueOf(silent.getLocalPort()), "--sequenced", "--timeout", "20ms", "--tries",
        "2");

    assertThat(status).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines()).containsExactlyInAnyOrder("0: retrying...",
        "1: retrying...", "0: too many retries. Giving up.", "1: too many retries. Giving up.");
  }

  @Test
  void echoServerServesUntilStopped() throws Exception {
    EchoServerCommand command = new EchoServerCommand();
    CompletableFuture<Integer> status =
        runInBackground(command, "0");
    int port = startedPort();

    assertThat(exchange(port, "42: the meaning of life")).isEqualTo("42: efil fo gninaem eht");
    command.untilStopped.stop();
    assertThat(status.get()).isZero();
    assertThat(out.toString()).startsWith("echo-server: servicing incoming requests on 127.0.0.1:");
  }

  @Test
  void echoServerRunsSeveralThreadsOnOnePortWithOrWithoutBatching() throws Exception {
    EchoServerCommand command = new EchoServerCommand();
    CompletableFuture<Integer> status =
        runInBackground(command, "0", "--threads", "2", "--no-batch");
    int port = startedPort();

    for (int i = 0; i < 4; i++) {
      assertThat(exchange(port, i + ": abc")).isEqualTo(i + ": cba");
    }
    command.untilStopped.stop();
    assertThat(status.get()).isZero();
  }

  @Test
  void daytimeServerRejectsZeroThreads() {
    int status = NetkitMain.run(new PrintWriter(out, true), new PrintWriter(err, true),
        "daytime-server", "0", "--threads", "0");

    assertThat(status).isEqualTo(ExitStatus.USAGE);
    assertThat(err.toString()).startsWith("daytime-server: threads : 0 (expected: 1-64)");
  }

  @Test
  void daytimeServerAndClientTalk() throws Exception {
    DaytimeServerCommand server = new DaytimeServerCommand();
    CompletableFuture<Integer> serverStatus = runInBackground(server, "0");
    int port = startedPort();
    out.getBuffer().setLength(0);

    int status = run(new DaytimeClientCommand(), "--port", String.valueOf(port), "127.0.0.1");
    server.untilStopped.stop();

    assertThat(status).isZero();
    assertThat(out.toString()).matches("127\\.0\\.0\\.1: \\w{3} \\w{3} [ \\d]\\d "
        + "\\d\\d:\\d\\d:\\d\\d \\d{4}\n");
    assertThat(serverStatus.get()).isZero();
    assertThat(err.toString()).contains("daytime-server: DatagramServerStats[received=1, "
        + "replies=1,").contains(" system calls: ");
  }

  @Test
  void daytimeClientNamesTheSilentHost() throws Exception {
    DaytimeServer live = new DaytimeServer(LOOPBACK_ANY).start();
    resources.add(live);
    DatagramSocket silent = new DatagramSocket(
        new InetSocketAddress(InetAddress.getByName("127.0.0.2"), live.localAddress().getPort()));
    resources.add(silent);

    int status = run(new DaytimeClientCommand(), "--port",
        String.valueOf(live.localAddress().getPort()), "--timeout", "3s", "127.0.0.1",
        "127.0.0.2");

    assertThat(status).isEqualTo(1);
    assertThat(out.toString()).startsWith("127.0.0.1: ");
    assertThat(err.toString()).isEqualTo("no answer within 3000 ms from: 127.0.0.2\n");
  }

  @Test
  void udpProxyRelaysAndReportsWhatItDid() throws Exception {
    ReverseEchoServer server = new ReverseEchoServer(LOOPBACK_ANY).start();
    resources.add(server);
    UdpProxyCommand command = new UdpProxyCommand();
    CompletableFuture<Integer> status = runInBackground(command, "--port", "0", "--target",
        "127.0.0.1:" + server.localAddress().getPort(), "--dup", "0", "--seed", "1");
    int port = startedPort();

    assertThat(exchange(port, "via the proxy")).isEqualTo("yxorp eht aiv");
    command.untilStopped.stop();

    assertThat(status.get()).isZero();
    assertThat(err.toString()).contains("received=2, forwarded=2");
  }

  @Test
  void udpProxyBoundsTheDatagramsWaitingOutADelayByCount() throws Exception {
    ReverseEchoServer server = new ReverseEchoServer(LOOPBACK_ANY).start();
    resources.add(server);
    UdpProxyCommand command = new UdpProxyCommand();
    CompletableFuture<Integer> status = runInBackground(command, "--port", "0", "--target",
        "127.0.0.1:" + server.localAddress().getPort(), "--delay", "2s", "--max-queued", "2",
        "--max-queued-per-address", "2");
    int port = startedPort();

    List<String> replies = new ArrayList<>();
    try (DatagramSocket socket = new DatagramSocket(LOOPBACK_ANY)) {
      socket.setSoTimeout(10_000);
      for (int i = 0; i < 5; i++) {
        byte[] bytes = ("d" + i).getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(),
            port));
      }
      for (int i = 0; i < 2; i++) {
        DatagramPacket reply = new DatagramPacket(new byte[512], 512);
        socket.receive(reply);
        replies.add(new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8));
      }
    }
    command.untilStopped.stop();

    assertThat(status.get()).isZero();
    assertThat(replies).containsExactly("0d", "1d");
    assertThat(err.toString()).contains("received=7, forwarded=4").contains("overflow=3");
  }

  @Test
  void udpProxyRejectsABadProbability() {
    int status = NetkitMain.run(new PrintWriter(out, true), new PrintWriter(err, true),
        "udp-proxy", "--port", "0", "--target", "127.0.0.1:9", "--loss", "1.5");

    assertThat(status).isEqualTo(ExitStatus.USAGE);
    assertThat(err.toString()).isEqualTo("udp-proxy: loss : 1.5 (expected: 0-1) "
        + "(see `netkit udp-proxy --help`)\n");
  }

  @Test
  void udpProxyRefusesItsOwnAddressAsTarget() {
    int status = NetkitMain.run(new PrintWriter(out, true), new PrintWriter(err, true),
        "udp-proxy", "--port", "40007", "--target", "127.0.0.1:40007");

    assertThat(status).isEqualTo(ExitStatus.USAGE);
    assertThat(err.toString()).startsWith("udp-proxy: target : ")
        .contains("not the proxy's own listening address");
  }

  @Test
  void addressesParseAndPrint() {
    assertThat(new HostPortConverter().convert("127.0.0.1:2007"))
        .isEqualTo(new InetSocketAddress("127.0.0.1", 2007));
    assertThat(new HostPortConverter().convert("[::1]:9").getPort()).isEqualTo(9);
    assertThatThrownBy(() -> new HostPortConverter().convert("127.0.0.1:0"))
        .hasMessage("'127.0.0.1:0': port 0 not in 1..65535");
    assertThat(HostPortConverter.format(new InetSocketAddress("127.0.0.1", 7)))
        .isEqualTo("127.0.0.1:7");
    assertThat(HostPortConverter.format(new InetSocketAddress("::1", 7)))
        .isEqualTo("[0:0:0:0:0:0:0:1]:7");
  }
}
