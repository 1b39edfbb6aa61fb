package dev.netkit.travesty.server;

import java.net.InetAddress;

/**
 * A child JVM for {@link TravestyHostileIT}: a travesty server on the loopback whose word budgets
 * are far above what its (small) heap holds, so that an upload runs it out of heap. Prints
 * {@code port N}, serves until its standard input ends.
 */
final class HeapLimitedServer {

  private HeapLimitedServer() {
  }

  public static void main(String[] args) throws Exception {
    TravestyServerConfig config = TravestyServerConfig.builder()
        .address(InetAddress.getLoopbackAddress()).port(0)
        .maxWords(Integer.MAX_VALUE).maxTotalWords(1L << 40).maxUploadBytes(1L << 30).build();
    try (TravestyServer server = new TravestyServer(config).start()) {
      System.out.println("port " + server.localAddress().getPort());
      System.in.readAllBytes();
    }
  }
}
