package dev.netkit.cli;

import dev.netkit.cli.chat.BroadcastEchoCommand;
import dev.netkit.cli.chat.ChatClientCommand;
import dev.netkit.cli.chat.ChatServerCommand;
import dev.netkit.cli.multicast.McastTimeClientCommand;
import dev.netkit.cli.multicast.McastTimeServerCommand;
import dev.netkit.cli.multicast.MchatClientCommand;
import dev.netkit.cli.multicast.MchatServerCommand;
import dev.netkit.cli.tour.TourCommand;
import dev.netkit.cli.travesty.TravestyBenchCommand;
import dev.netkit.cli.travesty.TravestyClientCommand;
import dev.netkit.cli.travesty.TravestyServerCommand;
import dev.netkit.cli.udp.DaytimeClientCommand;
import dev.netkit.cli.udp.DaytimeServerCommand;
import dev.netkit.cli.udp.EchoClientCommand;
import dev.netkit.cli.udp.EchoServerCommand;
import dev.netkit.cli.udp.UdpProxyCommand;
import dev.netkit.cli.unix.LocaltimeClientCommand;
import dev.netkit.cli.unix.LocaltimeServerCommand;
import dev.netkit.cli.unix.WrapClientCommand;
import dev.netkit.cli.unix.WrapServerCommand;
import java.util.List;

/**
 * Every program the launcher knows, in the order {@code ./netkit --help} lists them. A program's
 * command class lives in the sub-package of its module ({@code dev.netkit.cli.udp}, …).
 */
public final class ProgramCatalog {

  private static final List<Program> PROGRAMS = List.of(
      new Program("urgent-send",
          "send lines of normal data and urgent bytes over TCP (ch. 17)",
          dev.netkit.cli.urgent.UrgentSendCommand::new),
      new Program("urgent-recv",
          "receive normal and urgent data: watcher, poll loop or inline (ch. 17)",
          dev.netkit.cli.urgent.UrgentRecvCommand::new),
      new Program("travesty-server",
          "the travesty line-protocol server with urgent-data abort (ch. 17)",
          TravestyServerCommand::new),
      new Program("travesty-client",
          "interactive travesty client; Ctrl-C aborts with urgent data (ch. 17)",
          TravestyClientCommand::new),
      new Program("travesty-bench",
          "build and generate speed of the travesty engine on a corpus",
          TravestyBenchCommand::new),
      new Program("echo-server",
          "UDP reverse-echo server, optionally flaky (ch. 18)", EchoServerCommand::new),
      new Program("echo-client",
          "UDP echo client with timeout, retries and sequencing (ch. 18)", EchoClientCommand::new),
      new Program("daytime-server",
          "RFC 867 daytime server over UDP (ch. 18)", DaytimeServerCommand::new),
      new Program("daytime-client",
          "ask one or many daytime servers at once over UDP (ch. 18)", DaytimeClientCommand::new),
      new Program("udp-proxy",
          "UDP relay that drops, duplicates, delays and reorders datagrams", UdpProxyCommand::new),
      new Program("chat-server",
          "the UDP chat server: channels, private messages, keep-alive (ch. 19)",
          ChatServerCommand::new),
      new Program("chat-client",
          "the UDP chat client; finds a server by broadcast (ch. 19-20)",
          ChatClientCommand::new),
      new Program("broadcast-echo",
          "send lines to a broadcast address and print every answer (ch. 20)",
          BroadcastEchoCommand::new),
      new Program("mcast-time-server",
          "multicast time-of-day beacon (ch. 21)", McastTimeServerCommand::new),
      new Program("mcast-time-client",
          "join the beacon's group and print each beacon (ch. 21)", McastTimeClientCommand::new),
      new Program("mchat-server",
          "the chat server with multicast fan-out (ch. 21)", MchatServerCommand::new),
      new Program("mchat-client",
          "the chat client that listens on multicast groups (ch. 21)", MchatClientCommand::new),
      new Program("wrap-server",
          "UNIX-domain stream server that refills text to a width (ch. 22)",
          WrapServerCommand::new),
      new Program("wrap-client",
          "send text to the wrap server and print it wrapped (ch. 22)",
          WrapClientCommand::new),
      new Program("localtime-server",
          "UNIX-domain datagram server answering the time in a zone (ch. 22)",
          LocaltimeServerCommand::new),
      new Program("localtime-client",
          "ask the localtime server over a UNIX-domain datagram (ch. 22)",
          LocaltimeClientCommand::new),
      new Program("tour",
          "show every module working on loopback, step by step", TourCommand::new));

  private ProgramCatalog() {
  }

  /**
   * Returns every program.
   *
   * @return the programs, in listing order; the list is immutable
   */
  public static List<Program> programs() {
    return PROGRAMS;
  }
}
