package dev.netkit.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 condition behind {@link RequiresNetworkNamespaces}: enabled where network namespaces
 * (and, if asked, nftables) work, disabled with the reason otherwise. Tests that decide at run
 * time can call {@link #unavailabilityReason(boolean)} with {@code Assumptions} instead.
 */
public final class NetworkNamespaceCondition implements ExecutionCondition {

  private static final Object PROBE_LOCK = new Object();
  private static Optional<String> namespaceProbe;

  /** Creates the condition (JUnit does, through {@link RequiresNetworkNamespaces}). */
  public NetworkNamespaceCondition() {
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<RequiresNetworkNamespaces> annotation = context.getElement()
        .flatMap(element -> AnnotationSupport.findAnnotation(element,
            RequiresNetworkNamespaces.class));
    if (annotation.isEmpty()) {
      return ConditionEvaluationResult.enabled("no @RequiresNetworkNamespaces here");
    }
    return unavailabilityReason(annotation.get().nftables())
        .map(ConditionEvaluationResult::disabled)
        .orElseGet(() -> ConditionEvaluationResult.enabled("network namespaces work here"));
  }

  /**
   * Says why network namespaces cannot be used here, if they cannot.
   *
   * @param nftables whether nftables is needed too
   * @return the reason, or empty when everything needed is there
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

  private static Optional<String> userId() {
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
