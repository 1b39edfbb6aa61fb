package dev.netkit.netns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells whether {@link NetworkNamespace} works on this machine: Linux, root, iproute2 installed
 * and {@code ip netns add} succeeding (probed once per JVM), and {@code nft} installed when asked.
 *
 * <p>Free of JUnit, so programs such as {@code ./netkit tour} can ask before making
 * {@link TwoHosts}; {@link NetworkNamespaceCondition} and {@link TwoHostsExtension} build on it
 * for tests.
 */
public final class NamespaceSupport {

  private static final Object PROBE_LOCK = new Object();
  private static Optional<String> namespaceProbe;

  private NamespaceSupport() {
  }

  /**
   * Says why network namespaces cannot be used here, if they cannot.
   *
   * @param nftables whether nftables is needed too
   * @return the reason, e.g. {@code network namespaces need root (uid 1000)}, or empty when
   *     everything needed is there
   */
  public static Optional<String> unavailabilityReason(boolean nftables) {
    if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
      return Optional.of("network namespaces need Linux, this is " + System.getProperty("os.name"));
    }
    Optional<String> uid = userId();
    if (uid.isEmpty() || !uid.get().equals("0")) {
      return Optional.of("network namespaces need root (uid " + uid.orElse("unknown") + ")");
    }
    if (Commands.locate("ip").isEmpty()) {
      return Optional.of("`ip` (iproute2) not found on PATH, /sbin or /usr/sbin");
    }
    if (nftables && Commands.locate("nft").isEmpty()) {
      return Optional.of("`nft` (nftables) not found on PATH, /sbin or /usr/sbin");
    }
    return probeNamespaces();
  }

  static Optional<String> userId() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return Optional.of(line.substring(4).strip().split("\\s+")[0]);
        }
      }
    } catch (IOException e) {
      // Unknown: treated as not root.
    }
    return Optional.empty();
  }

  private static Optional<String> probeNamespaces() {
    synchronized (PROBE_LOCK) {
      if (namespaceProbe == null) {
        namespaceProbe = tryCreateNamespace();
      }
      return namespaceProbe;
    }
  }

  private static Optional<String> tryCreateNamespace() {
    try {
      NetworkNamespace.create("probe").close();
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.of("`ip netns add` failed: " + e.getMessage());
    }
  }
}
