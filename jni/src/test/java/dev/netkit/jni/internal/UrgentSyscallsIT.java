package dev.netkit.jni.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.netkit.jni.BadDescriptorSocketException;
import dev.netkit.jni.BrokenPipeSocketException;
import dev.netkit.jni.NativeSocketException;
import dev.netkit.jni.NotConnectedSocketException;
import dev.netkit.jni.testing.Loopback;
import dev.netkit.jni.testing.RequiresNativeLibrary;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@RequiresNativeLibrary
class UrgentSyscallsIT {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private static void awaitAllArrived(int fd) {
    await().atMost(WAIT).until(() -> (Poll.poll(fd, Poll.RDHUP, 0) & Poll.RDHUP) != 0);
  }

  @Test
  void outOfBandByteSkipsTheStreamAndReadsStopAtTheMark() throws Exception {
    Loopback.withSockets((client, server) -> {
      int sender = SocketDescriptors.of(client);
      int receiver = SocketDescriptors.of(server);
      client.getOutputStream().write("aaab".getBytes(StandardCharsets.US_ASCII));
      assertThat(UrgentSyscalls.sendUrgent(sender, (byte) '!')).isTrue();
      client.getOutputStream().write("ac".getBytes(StandardCharsets.US_ASCII));
      client.shutdownOutput();
      awaitAllArrived(receiver);

      byte[] buffer = new byte[1024];
      assertThat(UrgentSyscalls.atMark(receiver)).isFalse();
      assertThat(new String(buffer, 0, server.getInputStream().read(buffer),
          StandardCharsets.US_ASCII)).isEqualTo("aaab");
      assertThat(UrgentSyscalls.atMark(receiver)).isTrue();
      assertThat(UrgentSyscalls.receiveUrgent(receiver)).isEqualTo('!');
      assertThat(UrgentSyscalls.receiveUrgent(receiver)).isEqualTo(UrgentSyscalls.NONE_PENDING);
      assertThat(new String(server.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
          .isEqualTo("ac");
    });
  }

  @Test
  void inlineByteStaysInTheStreamAndRecvReportsNonePending() throws Exception {
    Loopback.withSockets((client, server) -> {
      int receiver = SocketDescriptors.of(server);
      UrgentSyscalls.setOobInline(receiver, true);
      assertThat(UrgentSyscalls.isOobInline(receiver)).isTrue();
      assertThat(server.getOOBInline()).isTrue();
      client.getOutputStream().write("aaab".getBytes(StandardCharsets.US_ASCII));
      UrgentSyscalls.sendUrgent(SocketDescriptors.of(client), (byte) '!');
      client.shutdownOutput();
      awaitAllArrived(receiver);

      assertThat(UrgentSyscalls.receiveUrgent(receiver)).isEqualTo(UrgentSyscalls.NONE_PENDING);
      byte[] buffer = new byte[1024];
      assertThat(server.getInputStream().read(buffer)).isEqualTo(4);
      assertThat(UrgentSyscalls.atMark(receiver)).isTrue();
      assertThat(new String(server.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
          .isEqualTo("!");
    });
  }

  @Test
  void nothingSentMeansNonePendingAndNotAtMark() throws Exception {
    Loopback.withSockets((client, server) -> {
      int receiver = SocketDescriptors.of(server);
      assertThat(UrgentSyscalls.receiveUrgent(receiver)).isEqualTo(UrgentSyscalls.NONE_PENDING);
      assertThat(UrgentSyscalls.atMark(receiver)).isFalse();
      assertThat(UrgentSyscalls.isOobInline(receiver)).isFalse();
    });
  }

  @Test
  void closedDescriptorGivesExceptionsNamingTheSystemCall() {
    int closed = 1_000_000;
    assertThatThrownBy(() -> UrgentSyscalls.atMark(closed))
        .isInstanceOf(BadDescriptorSocketException.class)
        .hasMessage("sockatmark failed: Bad file descriptor (EBADF)");
    assertThatThrownBy(() -> UrgentSyscalls.sendUrgent(closed, (byte) 1))
        .isInstanceOf(BadDescriptorSocketException.class)
        .hasMessage("send(MSG_OOB) failed: Bad file descriptor (EBADF)");
    assertThatThrownBy(() -> UrgentSyscalls.receiveUrgent(closed))
        .isInstanceOf(BadDescriptorSocketException.class)
        .hasMessageStartingWith("recv(MSG_OOB) failed");
    assertThatThrownBy(() -> UrgentSyscalls.setOobInline(closed, true))
        .hasMessageStartingWith("setsockopt(SO_OOBINLINE) failed");
  }

  @Test
  void listeningSocketIsNotConnected() throws IOException {
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int fd = SocketDescriptors.of(listener);

      assertThatThrownBy(() -> UrgentSyscalls.receiveUrgent(fd))
          .isInstanceOf(NotConnectedSocketException.class)
          .hasMessage("recv(MSG_OOB) failed: Transport endpoint is not connected (ENOTCONN)");
      assertThatThrownBy(() -> UrgentSyscalls.sendUrgent(fd, (byte) '!'))
          .isInstanceOf(BrokenPipeSocketException.class)
          .hasMessage("send(MSG_OOB) failed: Broken pipe (EPIPE)");
    }
  }

  @Test
  void sendingAfterThePeerResetIsAnError() throws Exception {
    Loopback.withSockets((client, server) -> {
      int sender = SocketDescriptors.of(client);
      server.setSoLinger(true, 0);
      server.close();
      await().atMost(WAIT).until(() -> (Poll.poll(sender, Poll.IN, 0) & Poll.ERR) != 0
          || (Poll.poll(sender, Poll.IN, 0) & Poll.HUP) != 0);

      assertThatThrownBy(() -> UrgentSyscalls.sendUrgent(sender, (byte) '!'))
          .isInstanceOf(NativeSocketException.class)
          .hasMessageStartingWith("send(MSG_OOB) failed: ");
    });
  }
}
