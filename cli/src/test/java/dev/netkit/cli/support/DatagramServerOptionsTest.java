package dev.netkit.cli.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.udp.DatagramLoopConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The UDP servers' shared options become their {@link DatagramLoopConfig}. */
class DatagramServerOptionsTest {

  private static DatagramLoopConfig loop(String... args) {
    DatagramServerOptions options = new DatagramServerOptions(2007);
    new CommandLine(options).parseArgs(args);
    return options.loop();
  }

  @Test
  void logDatagramsIsAFlagOfTheLoopConfiguration() {
    assertThat(loop().logDatagrams()).isFalse();
    assertThat(loop("--log-datagrams").logDatagrams()).isTrue();
  }

  @Test
  void threadsAndBatchingReachTheLoopConfiguration() {
    DatagramLoopConfig loop = loop("--threads", "3", "--no-batch");

    assertThat(loop.threads()).isEqualTo(3);
    assertThat(loop.batched()).isFalse();
  }
}
