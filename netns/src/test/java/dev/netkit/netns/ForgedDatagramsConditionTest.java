package dev.netkit.netns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

class ForgedDatagramsConditionTest {

  @Test
  void skipsWithTheReasonForgedDatagramsGivesAndRunsWhereTheyCanBeSent() {
    Optional<String> reason = ForgedDatagrams.unavailabilityReason();

    ConditionEvaluationResult result =
        new ForgedDatagramsCondition().evaluateExecutionCondition(null);

    assertThat(result.isDisabled()).isEqualTo(reason.isPresent());
    reason.ifPresent(why -> assertThat(result.getReason()).contains(why));
  }

  @Test
  void theAnnotationBringsTheCondition() {
    assertThat(RequiresForgedDatagrams.class
        .getAnnotation(org.junit.jupiter.api.extension.ExtendWith.class).value())
        .containsExactly(ForgedDatagramsCondition.class);
  }
}
