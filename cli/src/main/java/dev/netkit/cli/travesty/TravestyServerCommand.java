package dev.netkit.cli.travesty;

import dev.netkit.cli.support.BindOption;
import dev.netkit.cli.support.DurationConverter;
import dev.netkit.cli.support.HostPortConverter;
import dev.netkit.cli.support.Startup;
import dev.netkit.cli.support.UntilStopped;
import dev.netkit.codec.travesty.TravestyProtocol;
import dev.netkit.travesty.Travesty;
import dev.netkit.travesty.server.TravestyServer;
import dev.netkit.travesty.server.TravestyServerConfig;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code travesty-server [port] [--bind ADDRESS] [--max-upload BYTES] [--max-words N] ...}: the
 * book's figure 17.6, a thin CLI around {@link TravestyServer}, on loopback unless given
 * {@code --bind}. Runs until Ctrl-C or SIGTERM.
 */
@Command(mixinStandardHelpOptions = true,
    footer = {"%nProtocol: DATA, RESET, GENERATE n, BYE over CRLF lines (try: nc HOST PORT);"
        + " clients abort uploads and generations with one byte of TCP urgent data.",
        "Sessions are logged to stderr. Runs until Ctrl-C."})
public final class TravestyServerCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "PORT",
      description = "TCP port to listen on (default: ${DEFAULT-VALUE}; 0 picks one).")
  private int port = TravestyProtocol.DEFAULT_PORT;

  @Mixin
  private BindOption bind = new BindOption();

  @Option(names = "--max-upload", paramLabel = "BYTES",
      description = "Largest upload (default: ${DEFAULT-VALUE}).")
  private long maxUpload = TravestyServerConfig.DEFAULT_MAX_UPLOAD_BYTES;

  @Option(names = "--max-words", paramLabel = "N",
      description = "Most words one client's model may analyse (default: ${DEFAULT-VALUE}, "
          + "8 million or less with a small heap).")
  private long maxWords = TravestyServerConfig.defaultMaxWords();

  @Option(names = "--max-total-words", paramLabel = "N",
      description = "Most words all models together may hold (default: ${DEFAULT-VALUE}: half "
          + "the heap at 120 bytes a word).")
  private long maxTotalWords = TravestyServerConfig.defaultMaxTotalWords();

  @Option(names = "--max-generate", paramLabel = "N",
      description = "Largest GENERATE word count (default: ${DEFAULT-VALUE}).")
  private long maxGenerate = TravestyServerConfig.DEFAULT_MAX_GENERATE_WORDS;

  @Option(names = "--max-line", paramLabel = "BYTES",
      description = "Longest line (default: ${DEFAULT-VALUE}).")
  private int maxLine = TravestyServerConfig.DEFAULT_MAX_LINE_LENGTH;

  @Option(names = "--max-clients", paramLabel = "N",
      description = "Clients at once (default: ${DEFAULT-VALUE}).")
  private int maxClients = TravestyServerConfig.DEFAULT_MAX_CLIENTS;

  @Option(names = "--max-clients-per-address", paramLabel = "N",
      description = "Clients at once from one IP address (default: ${DEFAULT-VALUE}).")
  private int maxClientsPerAddress = TravestyServerConfig.DEFAULT_MAX_CLIENTS_PER_ADDRESS;

  @Option(names = "--line-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Close a client whose line (command or uploaded) takes longer than this "
          + "once begun, however slowly it trickles in (default: ${DEFAULT-VALUE}).")
  private Duration lineTimeout = TravestyServerConfig.DEFAULT_LINE_TIMEOUT;

  @Option(names = "--upload-timeout", paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Close a client whose upload (DATA to the line \".\") takes longer than "
          + "this, however steadily its lines come (default: ${DEFAULT-VALUE}).")
  private Duration uploadTimeout = TravestyServerConfig.DEFAULT_UPLOAD_TIMEOUT;

  @Option(names = "--idle-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Close a client that moves no byte for this long "
          + "(default: ${DEFAULT-VALUE}).")
  private Duration idleTimeout = TravestyServerConfig.DEFAULT_IDLE_TIMEOUT;

  @Option(names = "--seed", paramLabel = "SEED",
      description = "Seed every client's model the same way, for repeatable demos.")
  private Long seed;

  @Override
  public Integer call() throws Exception {
    TravestyServerConfig config = configure().build();
    TravestyServer server = Startup.listen(config.bindAddress(),
        () -> new TravestyServer(config).start());
    PrintWriter out = spec.commandLine().getOut();
    out.println("travesty-server: waiting for incoming connections on "
        + HostPortConverter.format(server.localAddress()) + "...");
    out.flush();
    new UntilStopped().await(server);
    return 0;
  }

  private TravestyServerConfig.Builder configure() {
    TravestyServerConfig.Builder builder = TravestyServerConfig.builder()
        .address(bind.address()).port(port)
        .maxUploadBytes(maxUpload).maxWords(maxWords).maxTotalWords(maxTotalWords)
        .maxGenerateWords(maxGenerate).maxLineLength(maxLine)
        .connections(TravestyServerConfig.connectionDefaults()
            .maxConnections(maxClients)
            .maxConnectionsPerPeer(maxClientsPerAddress)
            .idleTimeout(idleTimeout)
            .build())
        .lineTimeout(lineTimeout).uploadTimeout(uploadTimeout);
    if (seed != null) {
      long fixed = seed;
      builder.models(() -> Travesty.builder().seed(fixed).build());
    }
    return builder;
  }
}
