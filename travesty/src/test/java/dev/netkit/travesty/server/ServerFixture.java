package dev.netkit.travesty.server;

import dev.netkit.server.StreamServerConfig;
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
        .connections(connections().build())
        .models(() -> Travesty.builder().seed(SEEDS.incrementAndGet()).build());
  }

  /**
   * The connection limits of {@link #builder()}: travesty's defaults, but as many clients from
   * one address as in all, since every test client comes from 127.0.0.1 (tests of the
   * per-address limit set it).
   */
  static StreamServerConfig.Builder connections() {
    return TravestyServerConfig.connectionDefaults()
        .maxConnectionsPerPeer(TravestyServerConfig.DEFAULT_MAX_CLIENTS);
  }

  static TravestyServer start() throws IOException {
    return start(builder());
  }

  static TravestyServer start(TravestyServerConfig.Builder config) throws IOException {
    return new TravestyServer(config.build()).start();
  }
}
