package dev.netkit.cli.tour;

import dev.netkit.jni.NativeLibrary;
import dev.netkit.urgent.UrgentRead;
import dev.netkit.urgent.UrgentSocket;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Chapter 17: TCP urgent data between a sender and a receiver on loopback, first out of band
 * (a watcher thread, the book's {@code SIGURG} handler, gets the byte while the normal data reads
 * past it), then inline ({@code SO_OOBINLINE}: the byte is read in the stream, at the mark).
 */
final class UrgentStep implements TourStep {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final int SO_TIMEOUT_MILLIS = 5000;

  @Override
  public String name() {
    return "urgent";
  }

  @Override
  public String chapter() {
    return "chapter 17: TCP urgent data, out of band with a watcher and inline at the mark";
  }

  @Override
  public void run(StepContext context) throws Exception {
    if (!NativeLibrary.isAvailable()) {
      context.skip("the native library did not load: " + NativeLibrary.unavailabilityCause());
    }
    ServerSocket listener = context.use(new ServerSocket(0, 2, LOOPBACK));
    context.say("receiver listening on " + LOOPBACK.getHostAddress() + ":"
        + listener.getLocalPort());
    outOfBand(context, listener);
    inline(context, listener);
  }

  private static Socket[] connect(StepContext context, ServerSocket listener) throws Exception {
    Socket sender = context.use(new Socket(LOOPBACK, listener.getLocalPort()));
    Socket receiver = context.use(listener.accept());
    receiver.setSoTimeout(SO_TIMEOUT_MILLIS);
    return new Socket[] {sender, receiver};
  }

  private static void outOfBand(StepContext context, ServerSocket listener) throws Exception {
    Socket[] pair = connect(context, listener);
    UrgentSocket receiver = UrgentSocket.of(pair[1]);
    AtomicReference<UrgentRead> urgent = new AtomicReference<>();
    context.use(receiver.watch(read -> {
      urgent.set(read);
      context.say("urgent-recv: watcher (the book's SIGURG handler) got urgent byte '"
          + (char) read.data() + "'");
    }));
    context.say("urgent-send: \"normal data, line 1\", urgent '!', \"normal data, line 2\"");
    OutputStream out = pair[0].getOutputStream();
    out.write("normal data, line 1\n".getBytes(StandardCharsets.US_ASCII));
    UrgentSocket.of(pair[0]).sendUrgent((byte) '!');
    out.write("normal data, line 2\n".getBytes(StandardCharsets.US_ASCII));
    pair[0].shutdownOutput();
    List<String> lines = new ArrayList<>();
    BufferedReader in = new BufferedReader(new InputStreamReader(receiver.inputStream(),
        StandardCharsets.US_ASCII));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lines.add(line);
      context.say("urgent-recv: normal data: \"" + line + "\"");
    }
    Waits.until(() -> urgent.get() != null, WAIT, "the watcher gets the urgent byte");
    context.check(urgent.get().isReceived() && urgent.get().data() == '!',
        "the urgent byte '!' arrives out of band");
    context.check(lines.equals(List.of("normal data, line 1", "normal data, line 2")),
        "the normal data arrives without the urgent byte");
  }

  private static void inline(StepContext context, ServerSocket listener) throws Exception {
    Socket[] pair = connect(context, listener);
    UrgentSocket receiver = UrgentSocket.of(pair[1]);
    receiver.setInline(true);
    OutputStream out = pair[0].getOutputStream();
    out.write("abc".getBytes(StandardCharsets.US_ASCII));
    UrgentSocket.of(pair[0]).sendUrgent((byte) '!');
    out.write("def".getBytes(StandardCharsets.US_ASCII));
    pair[0].shutdownOutput();
    context.say("urgent-send: \"abc\", urgent '!', \"def\"; urgent-recv --inline (SO_OOBINLINE):");
    StringBuilder all = new StringBuilder();
    boolean urgentAtMark = false;
    byte[] buffer = new byte[64];
    while (true) {
      boolean mark = receiver.atMark();
      int n = receiver.read(buffer, 0, buffer.length);
      if (n < 0) {
        break;
      }
      String chunk = new String(buffer, 0, n, StandardCharsets.US_ASCII);
      context.say("urgent-recv: atMark=" + mark + ", read \"" + chunk + "\"");
      urgentAtMark |= mark && chunk.startsWith("!");
      all.append(chunk);
    }
    context.check(all.toString().equals("abc!def"), "inline, the stream reads abc!def");
    context.check(urgentAtMark, "the urgent byte is the first byte read at the mark");
  }
}
