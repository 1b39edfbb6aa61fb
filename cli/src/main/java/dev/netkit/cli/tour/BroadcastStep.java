package dev.netkit.cli.tour;

import dev.netkit.netns.CapturedProcess;
import dev.netkit.netns.CommandResult;
import java.time.Duration;
import java.util.Optional;

/**
 * Chapter 20: on two throw-away hosts (network namespaces), a broadcast to the subnet finds the
 * echo server of the other host, and the chat client finds the chat server by broadcast and logs
 * in. Skipped, with the reason, where namespaces cannot be made (not root, no {@code ip}).
 */
final class BroadcastStep implements TourStep {

  private static final Duration START = Duration.ofSeconds(20);
  private static final Duration RUN = Duration.ofSeconds(20);

  @Override
  public String name() {
    return "broadcast";
  }

  @Override
  public String chapter() {
    return "chapter 20: broadcasting: broadcast echo and chat-server discovery on two hosts";
  }

  @Override
  public Duration timeout() {
    return Duration.ofSeconds(60);
  }

  @Override
  public void run(StepContext context) throws Exception {
    Optional<String> why = TourHosts.unavailabilityReason();
    if (why.isPresent()) {
      context.skip("discovery needs two hosts made as network namespaces: " + why.get());
    }
    TourHosts hosts = TourHosts.create(context, "bcast");
    String hostA = hosts.link().addressA().getHostAddress();
    String broadcast = hosts.link().broadcastAddress().getHostAddress();
    context.say(hosts.describe());
    CapturedProcess echoServer = hosts.onA("echo-server", "7", "--bind", "0.0.0.0");
    CapturedProcess chatServer = hosts.onA("chat-server", "--bind", "0.0.0.0");
    echoServer.awaitStdoutLine(line -> line.contains("servicing"), START);
    TourHosts.awaitStderr(chatServer, "listening", START);
    context.say("A$ netkit echo-server 7 --bind 0.0.0.0 & netkit chat-server --bind 0.0.0.0 &");

    context.say("B$ echo 'anybody out there?' | netkit broadcast-echo " + broadcast + " 7");
    CommandResult echo = finish(hosts.onB("broadcast-echo", broadcast, "7", "--linger", "500ms"),
        "anybody out there?");
    echo.stdout().lines().forEach(line -> context.say("   " + line));
    context.check(echo.stdout().contains("from " + hostA), "host A's echo server answered");

    context.say("B$ netkit chat-client   (no server named: it broadcasts to find one)");
    CommandResult chat = finish(hosts.onB("chat-client", "--linger", "500ms"),
        "dora", "/join Pets", "hello from host B");
    chat.stderr().lines().filter(line -> !line.contains(" INFO ") && !line.contains(" DEBUG "))
        .forEach(line -> context.say("   " + line));
    chat.stdout().lines().map(line -> line.replace("\t", "")).filter(line -> !line.isBlank())
        .forEach(line -> context.say("   " + line));
    context.check(chat.stderr().contains("Found a server at " + hostA),
        "the chat client found host A's server by broadcast");
    context.check(chat.stdout().contains("dora [Pets]: hello from host B"),
        "the client logged in and talked on Pets");
  }

  /** Types the lines and end-of-file into a program, then waits for it to exit. */
  private static CommandResult finish(CapturedProcess program, String... lines) throws Exception {
    program.typeLines(lines);
    program.closeInput();
    return program.awaitExit(RUN);
  }
}
