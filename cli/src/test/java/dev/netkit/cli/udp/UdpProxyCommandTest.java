package dev.netkit.cli.udp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netkit.cli.NetkitMain;
import dev.netkit.cli.support.ExitStatus;
import dev.netkit.server.ReplyRateConfig;
import dev.netkit.udp.FaultyProxyConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** How {@code udp-proxy}'s options become its configuration, without sockets. */
class UdpProxyCommandTest {

  private static final String[] REQUIRED = {"--port", "0", "--target", "127.0.0.1:2007"};

  private static FaultyProxyConfig configOf(String... options) {
    UdpProxyCommand command = new UdpProxyCommand();
    String[] args = new String[REQUIRED.length + options.length];
    System.arraycopy(REQUIRED, 0, args, 0, REQUIRED.length);
    System.arraycopy(options, 0, args, REQUIRED.length, options.length);
    new CommandLine(command).parseArgs(args);
    return command.config();
  }

  @Test
  void theQueueIsSharedOutPerAddressByDefault() {
    FaultyProxyConfig config = configOf("--max-queued", "40", "--max-queued-bytes", "1000");

    assertThat(config.maxQueuedPerAddress()).isEqualTo(10);
    assertThat(config.maxQueuedBytesPerAddress()).isEqualTo(250);
  }

  @Test
  void thePerAddressSharesCanBeGivenUpToTheTotals() {
    FaultyProxyConfig config = configOf("--max-queued", "40", "--max-queued-per-address", "40",
        "--max-queued-bytes-per-address", "100");

    assertThat(config.maxQueuedPerAddress()).isEqualTo(40);
    assertThat(config.maxQueuedBytesPerAddress()).isEqualTo(100);
    assertThatThrownBy(() -> configOf("--max-queued", "40", "--max-queued-per-address", "41"))
        .hasMessage("maxQueuedPerAddress : 41 (expected: 1-40)");
  }

  @Test
  void aSharePastTheTotalIsAUsageError() {
    StringWriter err = new StringWriter();
    int status = NetkitMain.run(new PrintWriter(new StringWriter(), true),
        new PrintWriter(err, true), "udp-proxy", "--port", "0", "--target", "127.0.0.1:9",
        "--max-queued-bytes", "100", "--max-queued-bytes-per-address", "101");

    assertThat(status).isEqualTo(ExitStatus.USAGE);
    assertThat(err.toString()).isEqualTo("udp-proxy: maxQueuedBytesPerAddress : 101 "
        + "(expected: 1-100) (see `netkit udp-proxy --help`)\n");
  }

  @Test
  void theReplyBudgetTakesTheOptionsOfTheUdpServers() {
    assertThat(configOf().replyRate().toString())
        .isEqualTo(ReplyRateConfig.defaults().toString());

    ReplyRateConfig budget = configOf("--reply-rate", "5", "--reply-byte-rate", "4096",
        "--reply-burst", "2s").replyRate();

    assertThat(budget.datagramsPerSecond()).isEqualTo(5);
    assertThat(budget.bytesPerSecond()).isEqualTo(4096);
    assertThat(budget.burst()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void helpShowsTheNewLimits() {
    StringWriter out = new StringWriter();
    NetkitMain.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
        "udp-proxy", "--help");
    String help = out.toString();

    assertThat(help).contains("--max-queued-per-address=N", "--max-queued-bytes-per-address=N",
        "--reply-rate=N", "--reply-byte-rate=BYTES", "--reply-burst=DURATION");
  }
}
