package dev.netkit.cli.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.codec.MalformedFrameException;
import dev.netkit.unix.AddressInUseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ProgramFailureTest {

  private static final InetSocketAddress LOCAL_2007 = new InetSocketAddress("127.0.0.1", 2007);

  private static StartupException listening(Throwable cause) {
    return new StartupException("listen on", "127.0.0.1:2007", cause);
  }

  @Test
  void aPortInUseNamesTheAddressAndSuggestsAnotherPort() {
    assertThat(ProgramFailure.of("echo-server", listening(
        new BindException("Address already in use")))).isEqualTo(new ProgramFailure(
            ExitStatus.STARTUP, "echo-server: cannot listen on 127.0.0.1:2007: address already in "
            + "use (another server running? stop it or pick another port)"));
  }

  @Test
  void aPrivilegedPortAndAForeignAddressGetTheirOwnHints() {
    assertThat(ProgramFailure.of("daytime-server", listening(
        new BindException("Permission denied"))).line()).isEqualTo("daytime-server: cannot "
            + "listen on 127.0.0.1:2007: permission denied (ports below 1024 need root: pick "
            + "another port)");
    assertThat(ProgramFailure.of("echo-server", listening(
        new BindException("Cannot assign requested address"))).line()).isEqualTo("echo-server: "
            + "cannot listen on 127.0.0.1:2007: not an address of this host (--bind takes a local "
            + "address such as 127.0.0.1, or 0.0.0.0 for every interface)");
  }

  @Test
  void startupStepsWrapWhatFailsAndNameIt() {
    StartupException refused = catching(() -> Startup.connect(LOCAL_2007, () -> {
      throw new ConnectException("Connection refused");
    }));
    assertThat(ProgramFailure.of("urgent-send", refused)).isEqualTo(new ProgramFailure(
        ExitStatus.STARTUP, "urgent-send: cannot connect to 127.0.0.1:2007: connection refused "
        + "(is the server running, on that host and port?)"));
    StartupException badBanner = catching(() -> Startup.connect(LOCAL_2007, () -> {
      throw new MalformedFrameException("banner", "'SSH-2.0'", "100 ...", "53 53 48");
    }));
    assertThat(ProgramFailure.of("travesty-client", badBanner).line()).isEqualTo(
        "travesty-client: cannot connect to 127.0.0.1:2007: banner : 'SSH-2.0' "
            + "(expected: 100 ...), input: 53 53 48");
  }

  @Test
  void anUnknownHostIsAStartupFailure() {
    StartupException unknown = catching(() -> Startup.resolve("no-such-host.invalid", 7));
    assertThat(ProgramFailure.of("echo-client", unknown)).isEqualTo(new ProgramFailure(
        ExitStatus.STARTUP, "echo-client: cannot resolve no-such-host.invalid: unknown host "
        + "(check the name, or give an IP address)"));
    assertThat(ProgramFailure.of("echo-client",
        new UnknownHostException("nope.invalid: Name or service not known")).line())
        .isEqualTo("echo-client: nope.invalid: unknown host (check the name, or give an IP "
            + "address)");
  }

  @Test
  void missingAndForbiddenFilesNameThePath() {
    assertThat(ProgramFailure.of("chat-server", new NoSuchFileException("/no/channels.conf")))
        .isEqualTo(new ProgramFailure(ExitStatus.STARTUP,
            "chat-server: /no/channels.conf: no such file or directory (check the path)"));
    assertThat(ProgramFailure.of("travesty-bench", new UncheckedIOException(
        new AccessDeniedException("/root/corpus.txt"))).line()).isEqualTo("travesty-bench: "
            + "/root/corpus.txt: permission denied (check the permissions, or run as a user who "
            + "may use it)");
  }

  @Test
  void netkitsOwnMessagesAreQuotedWithoutSayingThePathTwice() {
    Path path = Path.of("/tmp/wrapserv");
    String message = "bind /tmp/wrapserv: address in use (EADDRINUSE): a server is accepting "
        + "connections there; stop it or choose another path";
    StartupException inUse = catching(() -> Startup.listen(path, () -> {
      throw new AddressInUseException(path, message, null);
    }));
    assertThat(ProgramFailure.of("wrap-server", inUse))
        .isEqualTo(new ProgramFailure(ExitStatus.STARTUP, "wrap-server: " + message));
  }

  @Test
  void theNativeLibraryMissingIsAStartupFailureWithAHint() {
    assertThat(ProgramFailure.of("urgent-recv", new UnsatisfiedLinkError(
        "netkit native library unavailable: no libnetkit.so for linux-s390x"))).isEqualTo(
            new ProgramFailure(ExitStatus.STARTUP, "urgent-recv: netkit native library "
                + "unavailable: no libnetkit.so for linux-s390x (this program needs netkit's "
                + "native library; -v shows why it did not load)"));
  }

  @Test
  void aConfigurationRefusingAValueIsAUsageError() {
    assertThat(ProgramFailure.of("chat-server",
        new IllegalArgumentException("maxUsers : 0 (expected: > 0)"))).isEqualTo(
            new ProgramFailure(ExitStatus.USAGE, "chat-server: maxUsers : 0 (expected: > 0) "
                + "(see `netkit chat-server --help`)"));
  }

  @Test
  void failuresWhileRunningAreStatusOneWithTheirMessage() {
    assertThat(ProgramFailure.of("echo-client", new CompletionException(new SocketTimeoutException(
        "no reply from /127.0.0.1:9 after 2 tries of 100 ms")))).isEqualTo(new ProgramFailure(
            ExitStatus.FAILURE, "echo-client: no reply from /127.0.0.1:9 after 2 tries of 100 ms"));
    assertThat(ProgramFailure.of("echo-client", new PortUnreachableException()).line())
        .isEqualTo("echo-client: port unreachable (nothing listens there: is the server "
            + "running?)");
    assertThat(ProgramFailure.of("wrap-client", new IOException()).line())
        .isEqualTo("wrap-client: IOException");
  }

  @Test
  void aMessageOfSeveralLinesBecomesOneLine() {
    assertThat(ProgramFailure.of("tour", new IOException("first\n  second\r\nthird\n")).line())
        .isEqualTo("tour: first; second; third");
  }

  @Test
  void reasonSaysWhyWithoutTheProgram() {
    assertThat(ProgramFailure.reason(new PortUnreachableException()))
        .isEqualTo("port unreachable (nothing listens there: is the server running?)");
  }

  @FunctionalInterface
  private interface Attempt {
    void run() throws StartupException;
  }

  private static StartupException catching(Attempt attempt) {
    try {
      attempt.run();
    } catch (StartupException e) {
      return e;
    }
    throw new AssertionError("no StartupException");
  }
}
