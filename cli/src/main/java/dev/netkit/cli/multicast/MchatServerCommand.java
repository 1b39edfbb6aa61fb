package dev.netkit.cli.multicast;

import dev.netkit.chat.server.ChatServer;
import dev.netkit.chat.server.ChatServerConfig;
import dev.netkit.cli.chat.ChatServerOptions;
import dev.netkit.cli.support.HostPortConverter;
import dev.netkit.cli.support.Startup;
import dev.netkit.cli.support.UntilStopped;
import dev.netkit.multicast.MulticastFanOut;
import dev.netkit.multicast.MulticastFanOutConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mchat-server [port] [mport] [--ttl 31]}: the chat server with multicast fan-out
 * (figures 21.6-21.8) until Ctrl-C: channel traffic goes once to each channel's group on the
 * data port; every option of {@code chat-server} applies.
 */
@Command(name = "mchat-server", mixinStandardHelpOptions = true,
    description = "the chat server with multicast fan-out (ch. 21)")
public final class MchatServerCommand implements Callable<Integer> {

  @Parameters(index = "0", arity = "0..1", paramLabel = "PORT",
      description = "UDP port of the chat protocol (default: ${DEFAULT-VALUE}).")
  int port = ChatServerConfig.DEFAULT_PORT;

  @Parameters(index = "1", arity = "0..1", paramLabel = "MPORT",
      description = "Multicast data port (default: ${DEFAULT-VALUE}).")
  int dataPort = MulticastFanOutConfig.DEFAULT_PORT;

  @Option(names = "--ttl", paramLabel = "TTL",
      description = "Time to live of channel traffic, 0-255 (default: ${DEFAULT-VALUE}).")
  int ttl = MulticastFanOutConfig.DEFAULT_TTL;

  @Option(names = "--iface", paramLabel = "NAME",
      description = "Interface to send channel traffic by (default: the routing table's).")
  String outgoingInterface;

  @Mixin
  ChatServerOptions options = new ChatServerOptions();

  final UntilStopped untilStopped = new UntilStopped();

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    MulticastFanOutConfig settings = MulticastFanOutConfig.builder().port(dataPort)
        .timeToLive(ttl).outgoingInterface(outgoingInterface).build();
    ChatServerConfig config = options.builder(port).build();
    ChatServer server = Startup.listen(config.bindAddress(),
        () -> MulticastFanOut.server(config, settings).start());
    PrintWriter out = spec.commandLine().getOut();
    out.println("mchat-server: listening on " + HostPortConverter.format(server.localAddress())
        + ", channels on port " + dataPort + " (ttl " + ttl + ")");
    out.flush();
    untilStopped.await(server);
    return 0;
  }
}
