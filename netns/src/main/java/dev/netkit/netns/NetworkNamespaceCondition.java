package dev.netkit.netns;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 condition behind {@link RequiresNetworkNamespaces}: enabled where network namespaces
 * (and, if asked, nftables) work, disabled with the reason otherwise. {@link TwoHostsExtension}
 * decides the same way. Tests that decide at run time can call
 * {@link NamespaceSupport#unavailabilityReason(boolean)} with {@code Assumptions} instead.
 */
public final class NetworkNamespaceCondition implements ExecutionCondition {

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
    return evaluate(annotation.get().nftables());
  }

  /**
   * Enables a test where namespaces (and nftables, if asked) work, else disables it with the
   * reason, e.g. {@code network namespaces need root (uid 1000)}.
   *
   * @param nftables whether nftables is needed too
   * @return the result
   */
  static ConditionEvaluationResult evaluate(boolean nftables) {
    return NamespaceSupport.unavailabilityReason(nftables)
        .map(ConditionEvaluationResult::disabled)
        .orElseGet(() -> ConditionEvaluationResult.enabled("network namespaces work here"));
  }
}
