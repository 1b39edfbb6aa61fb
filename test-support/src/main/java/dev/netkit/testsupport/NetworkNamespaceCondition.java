package dev.netkit.testsupport;

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
   * @see NamespaceSupport#unavailabilityReason(boolean)
   */
  public static Optional<String> unavailabilityReason(boolean nftables) {
    return NamespaceSupport.unavailabilityReason(nftables);
  }
}
