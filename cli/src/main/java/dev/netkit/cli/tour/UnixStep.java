package dev.netkit.cli.tour;

import dev.netkit.unix.FileModes;
import dev.netkit.unix.localtime.LocaltimeClient;
import dev.netkit.unix.SocketFileConfig;
import dev.netkit.unix.localtime.LocaltimeServer;
import dev.netkit.unix.localtime.LocaltimeServerConfig;
import dev.netkit.unix.wrap.WrapServer;
import dev.netkit.unix.wrap.WrapServerConfig;
import dev.netkit.unix.wrap.WrapClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Chapter 22: the wrap server (UNIX-domain stream) and the localtime server (UNIX-domain
 * datagram), in a private temporary directory, with the socket files' modes shown and their
 * removal checked.
 */
final class UnixStep implements TourStep {

  private static final String TEXT = "The UNIX-domain sockets are the simplest of all to use: "
      + "the address is a path in the file system, the peer is always on the same host, and "
      + "the file's permissions say who may connect.";

  @Override
  public String name() {
    return "unix";
  }

  @Override
  public String chapter() {
    return "chapter 22: UNIX-domain wrap server (stream) and localtime server (datagram)";
  }

  @Override
  public void run(StepContext context) throws Exception {
    Path dir = Files.createTempDirectory("netkit-tour-");
    context.use(() -> deleteTree(dir));
    Path wrapPath;
    Path localtimePath;
    WrapServerConfig wrapConfig = WrapServerConfig.builder()
        .server(WrapServerConfig.serverDefaults(dir.resolve("wrapserv")).build())
        .build();
    LocaltimeServerConfig localtimeConfig = LocaltimeServerConfig.builder()
        .socketFile(SocketFileConfig.defaults(dir.resolve("localtime")))
        .build();
    try (WrapServer wrap = context.use(new WrapServer(wrapConfig).start());
        LocaltimeServer localtime = context.use(new LocaltimeServer(localtimeConfig).start())) {
      wrapPath = wrap.path();
      localtimePath = localtime.path();
      context.say("wrap-server on " + wrapPath + " (mode " + mode(wrapPath) + ")");
      context.say("localtime-server on " + localtimePath + " (mode " + mode(localtimePath) + ")");
      wrapText(context, wrapPath);
      askTimes(context, localtimePath);
    }
    context.check(!Files.exists(wrapPath) && !Files.exists(localtimePath),
        "the servers remove their socket files when closed");
    context.say("servers closed: both socket files removed");
  }

  private static void wrapText(StepContext context, Path server) throws Exception {
    ByteArrayOutputStream wrapped = new ByteArrayOutputStream();
    WrapClient.wrap(server, new ByteArrayInputStream(TEXT.getBytes(StandardCharsets.UTF_8)),
        wrapped);
    String text = wrapped.toString(StandardCharsets.UTF_8);
    context.say("wrap-client sent " + TEXT.length() + " characters on one line, got back:");
    text.lines().forEach(line -> context.say("  | " + line));
    context.check(text.lines().count() > 3, "the text comes back refilled to narrow lines");
  }

  private static void askTimes(StepContext context, Path server) throws Exception {
    LocaltimeClient client = new LocaltimeClient(server);
    for (String zone : new String[] {"", "Asia/Tokyo", "America/New_York"}) {
      String answer = client.ask(zone);
      context.say("localtime-client " + (zone.isEmpty() ? "(local)" : zone) + ": " + answer);
      context.check(answer.matches("\\w{3} \\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}"),
          "the answer is a ctime string");
    }
  }

  private static String mode(Path path) throws Exception {
    return FileModes.format(Files.getPosixFilePermissions(path));
  }

  private static void deleteTree(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
