package dev.mgnagent.testkit.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs a sample test class through the JUnit Platform, as a build would, and records how each test
 * and container ended. Sample classes carry {@link OnlyInSampleRuns}, so that they run only here,
 * never on their own in the build.
 */
final class SampleRun implements TestExecutionListener {

  private static final String KEY = "mgnagent.testkit.sampleRun";

  /** How one test or container ended. */
  record Outcome(
      String name,
      boolean isTest,
      TestExecutionResult.Status status,
      Optional<Throwable> failure) {}

  private final List<Outcome> outcomes = new ArrayList<>();
  private final List<String> skipped = new ArrayList<>();

  private SampleRun() {}

  static SampleRun of(Class<?> sample) {
    return run(
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(sample))
            .configurationParameter(KEY, "true"));
  }

  /** Runs {@code sample} as the build would if it found it: {@link OnlyInSampleRuns} skips it. */
  static SampleRun ofWithoutKey(Class<?> sample) {
    return run(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(sample)));
  }

  private static SampleRun run(LauncherDiscoveryRequestBuilder request) {
    SampleRun run = new SampleRun();
    // the samples' logs record an order, which a parallel run would not keep
    request.configurationParameter("junit.jupiter.execution.parallel.enabled", "false");
    LauncherFactory.create().execute(request.build(), run);
    return run;
  }

  @Override
  public synchronized void executionFinished(TestIdentifier id, TestExecutionResult result) {
    outcomes.add(
        new Outcome(id.getDisplayName(), id.isTest(), result.getStatus(), result.getThrowable()));
  }

  @Override
  public synchronized void executionSkipped(TestIdentifier id, String reason) {
    skipped.add(id.getDisplayName() + ": " + reason);
  }

  synchronized List<Outcome> tests() {
    return outcomes.stream().filter(Outcome::isTest).toList();
  }

  synchronized List<Outcome> failures() {
    return outcomes.stream()
        .filter(o -> o.status() != TestExecutionResult.Status.SUCCESSFUL)
        .toList();
  }

  synchronized List<String> skipped() {
    return List.copyOf(skipped);
  }

  /** Enables a sample class only when {@link SampleRun} runs it. */
  static final class OnlyInSampleRuns implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(KEY).isPresent()
          ? ConditionEvaluationResult.enabled("run by SampleRun")
          : ConditionEvaluationResult.disabled("a sample, run only by SampleRun");
    }
  }
}
