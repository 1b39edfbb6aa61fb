package dev.netkit.jni.testing;

import dev.netkit.jni.NativeLibrary;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Disables tests, with the loader's reason, when {@code libnetkit.so} cannot be loaded. */
public final class NativeLibraryCondition implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (NativeLibrary.isAvailable()) {
      return ConditionEvaluationResult.enabled("netkit native library loaded");
    }
    return ConditionEvaluationResult.disabled("netkit native library unavailable: "
        + NativeLibrary.unavailabilityCause());
  }
}
