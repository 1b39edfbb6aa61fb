package dev.netkit.cli.urgent;

import dev.netkit.cli.NetkitMain;
import java.io.PrintWriter;
import java.util.concurrent.CompletableFuture;

/** Runs launcher programs in this JVM on their own threads, with live output. */
final class Programs {

  private Programs() {
  }

  /** Starts {@code netkit args...}; its output and errors both go to {@code output}. */
  static CompletableFuture<Integer> start(LiveOutput output, String... args) {
    CompletableFuture<Integer> status = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try {
        PrintWriter writer = new PrintWriter(output, true);
        status.complete(NetkitMain.run(writer, writer, args));
      } catch (Throwable e) {
        status.completeExceptionally(e);
      }
    }, "netkit-" + args[0]);
    thread.setDaemon(true);
    thread.start();
    return status;
  }
}
