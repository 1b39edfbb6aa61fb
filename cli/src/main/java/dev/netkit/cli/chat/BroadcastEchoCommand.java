package dev.netkit.cli.chat;

import dev.netkit.chat.broadcast.BroadcastEcho;
import dev.netkit.cli.support.DurationConverter;
import dev.netkit.cli.support.Startup;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code broadcast-echo [address] [port]}: the book's figure 20.2 — sends each line of standard
 * input to a (broadcast) address and prints {@code received N bytes from IP:PORT} per answer.
 */
@Command(name = "broadcast-echo", mixinStandardHelpOptions = true,
    description = "send lines to a broadcast address and print every answer (ch. 20)")
public final class BroadcastEchoCommand implements Callable<Integer> {

  /** How long answers are awaited after the end of input unless told otherwise. */
  static final Duration DEFAULT_LINGER = Duration.ofSeconds(1);

  @Parameters(index = "0", arity = "0..1", paramLabel = "ADDRESS",
      description = "Where to send, normally a subnet's broadcast address "
          + "(default: ${DEFAULT-VALUE}, every host of the local network).")
  String address = "255.255.255.255";

  @Parameters(index = "1", arity = "0..1", paramLabel = "PORT",
      description = "UDP port (default: ${DEFAULT-VALUE}, the echo service).")
  int port = BroadcastEcho.DEFAULT_PORT;

  @Option(names = "--linger", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "After the end of input, keep printing answers this long "
          + "(default: ${DEFAULT-VALUE}).")
  Duration linger = DEFAULT_LINGER;

  @Spec
  CommandSpec spec;

  private final InputStream stdin;

  /** Creates the command reading standard input. */
  public BroadcastEchoCommand() {
    this(System.in);
  }

  /**
   * Creates the command reading another input (for tests).
   *
   * @param stdin the lines to send
   */
  BroadcastEchoCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() throws Exception {
    InetSocketAddress target = Startup.resolve(address, port);
    try (BroadcastEcho echo = new BroadcastEcho(target)) {
      echo.run(new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)),
          spec.commandLine().getOut(), linger);
    }
    return 0;
  }
}
