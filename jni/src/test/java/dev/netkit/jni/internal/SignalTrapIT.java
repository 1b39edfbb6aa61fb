package dev.netkit.jni.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.jni.internal.SignalTrap.Signal;
import dev.netkit.jni.testing.RequiresNativeLibrary;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Uses SIGWINCH, which is harmless to the test JVM if the trap did not work. */
@RequiresNativeLibrary
class SignalTrapIT {

  private static void raise(Signal signal) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal.name(),
        Long.toString(ProcessHandle.current().pid())).inheritIO().start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).isZero();
  }

  @Test
  void trappedSignalArrivesAsValue() throws Exception {
    try (SignalTrap trap = SignalTrap.install(Signal.WINCH)) {
      CompletableFuture<java.util.Optional<Signal>> received = CompletableFuture.supplyAsync(() -> {
        try {
          return trap.await();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      raise(Signal.WINCH);

      assertThat(received.get(10, TimeUnit.SECONDS)).contains(Signal.WINCH);
      assertThat(trap.signals()).containsExactly(Signal.WINCH);
    }
  }

  @Test
  void closeEndsABlockedAwait() throws Exception {
    SignalTrap trap = SignalTrap.install(Signal.WINCH);
    CompletableFuture<java.util.Optional<Signal>> received = CompletableFuture.supplyAsync(() -> {
      try {
        return trap.await();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });

    trap.close();

    assertThat(received.get(10, TimeUnit.SECONDS)).isEmpty();
    try (SignalTrap next = SignalTrap.install(Signal.WINCH)) {
      raise(Signal.WINCH);
      assertThat(next.await()).contains(Signal.WINCH);
    }
  }

  @Test
  void signalNumbersComeFromThePlatform() {
    assertThat(Signal.INT.number()).isEqualTo(2);
    assertThat(Signal.QUIT.number()).isEqualTo(3);
    assertThat(Signal.WINCH.number()).isEqualTo(28);
  }
}
