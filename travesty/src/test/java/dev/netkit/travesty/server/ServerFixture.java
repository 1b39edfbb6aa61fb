package dev.netkit.travesty.server;

import dev.netkit.travesty.Travesty;
import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;

/** Starts servers on the loopback, port 0, with seeded models. */
final class ServerFixture {

  private static final AtomicLong SEEDS = new AtomicLong(17);

  private ServerFixture() {
  }

  static TravestyServerConfig.Builder builder() {
    return TravestyServerConfig.builder()
        .address(InetAddress.getLoopbackAddress())
        .port(0)
        // Every test client comes from 127.0.0.1; tests of the per-address limit set it.
        .maxClientsPerAddress(TravestyServerConfig.DEFAULT_MAX_CLIENTS)
        .models(() -> Travesty.builder().seed(SEEDS.incrementAndGet()).build());
  }

  static TravestyServer start() throws IOException {
    return start(builder());
  }

  static TravestyServer start(TravestyServerConfig.Builder config) throws IOException {
    return new TravestyServer(config.build()).start();
  }
}
