package dev.netkit.jni.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netkit.jni.NativeLibraryUnavailableException;
import dev.netkit.jni.testing.ChildJvm;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Without the native library every call of this package fails with
 * {@link NativeLibraryUnavailableException} naming the reason, on the first call and on every
 * later one: never an {@link ExceptionInInitializerError} followed by {@link NoClassDefFoundError}
 * (what a class whose static initializer checks the library gives). A child JVM pretends to run on
 * macOS, for which netkit has no library.
 */
class UnavailableLibraryIT {

  private static final int ROUNDS = 2;
  private static final int CALLS = 7;

  /** A call that needs the native library. */
  private interface NativeCall {
    void run() throws Exception;
  }

  static String everyCallFailsWithTheCause() {
    List<String> failures = new ArrayList<>();
    for (int round = 0; round < ROUNDS; round++) {
      failures.add(failure(() -> SocketDescriptors.duplicate(0)));
      failures.add(failure(() -> Poll.poll(-1, Poll.IN, 0)));
      failures.add(failure(() -> UrgentSyscalls.atMark(0)));
      failures.add(failure(UnixDatagramSyscalls::open));
      failures.add(failure(() -> UnixDatagramSyscalls.bind(0, new byte[] {'x'}, 0600)));
      failures.add(failure(() -> new PollWaker().close()));
      failures.add(failure(() -> SignalTrap.install(SignalTrap.Signal.WINCH).close()));
    }
    return String.join(",", failures);
  }

  private static String failure(NativeCall call) {
    try {
      call.run();
      return "no failure";
    } catch (Throwable t) {
      return t.getClass().getSimpleName() + (t.getMessage().contains("does not support macOS")
          ? "" : "(" + t.getMessage() + ")");
    }
  }

  @Test
  void everyCallOnAnUnsupportedPlatformNamesThePlatformEveryTime() throws Exception {
    String output = ChildJvm.run(List.of("-Dos.name=Mac OS X", "-Dos.arch=aarch64"),
        UnavailableLibraryIT.class, "everyCallFailsWithTheCause");

    assertThat(output).contains("returned: " + String.join(",", Collections.nCopies(
        ROUNDS * CALLS, NativeLibraryUnavailableException.class.getSimpleName())));
  }
}
