package dev.mgnagent.testkit.junit.internal;

import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A condition that enables tests when a probe of the machine finds what they need. */
abstract class ProbeCondition implements ExecutionCondition {

  private final BooleanSupplier probe;
  private final String present;
  private final String missing;

  ProbeCondition(BooleanSupplier probe, String present, String missing) {
    this.probe = probe;
    this.present = present;
    this.missing = missing;
  }

  @Override
  public final ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    return probe.getAsBoolean()
        ? ConditionEvaluationResult.enabled(present)
        : ConditionEvaluationResult.disabled(missing);
  }
}
