package dev.mgnagent.installer.internal;

import static dev.mgnagent.BadStrings.BUDGET;
import static dev.mgnagent.BadStrings.EXAMPLES;
import static dev.mgnagent.BadStrings.SEED;
import static dev.mgnagent.BadStrings.any;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import org.junit.jupiter.api.Test;

/** Any installer output lines are classified (or not) without an error. */
class FailureClassifierFuzzTest {

  @Test
  void anyInstallerOutputIsClassifiedWithoutError() {
    assertTimeoutPreemptively(
        BUDGET,
        () ->
            qt().withFixedSeed(SEED)
                .withExamples(EXAMPLES)
                .forAll(lists().of(any()).ofSizeBetween(0, 30))
                .checkAssert(
                    lines ->
                        FailureClassifier.classify(lines)
                            .ifPresent(
                                c ->
                                    assertThat(lines)
                                        .anySatisfy(
                                            l -> assertThat(l.strip()).isEqualTo(c.evidence())))));
  }
}
