package dev.netkit.netns;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The JUnit 5 condition behind {@link RequiresForgedDatagrams}: enabled where
 * {@link ForgedDatagrams} can send, disabled with the reason otherwise.
 */
public final class ForgedDatagramsCondition implements ExecutionCondition {

  /** Creates the condition (JUnit does, through {@link RequiresForgedDatagrams}). */
  public ForgedDatagramsCondition() {
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return ForgedDatagrams.unavailabilityReason()
        .map(ConditionEvaluationResult::disabled)
        .orElseGet(() -> ConditionEvaluationResult.enabled("forged datagrams can be sent here"));
  }
}
