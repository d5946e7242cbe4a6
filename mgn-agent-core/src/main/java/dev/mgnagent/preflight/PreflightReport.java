package dev.mgnagent.preflight;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every check of one {@link Preflight} run, in a fixed order: every run lists every check.
 *
 * @param checks the results, one per check id
 */
public record PreflightReport(List<CheckResult> checks) {

  public PreflightReport {
    checks = List.copyOf(Objects.requireNonNull(checks, "checks"));
  }

  /** Whether any check FAILed: the installation should not be attempted as things are. */
  public boolean hasFailures() {
    return checks.stream().anyMatch(c -> c.status() == CheckStatus.FAIL);
  }

  /** The result of the check with this id. */
  public Optional<CheckResult> check(String id) {
    return checks.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /** The results with this status, in report order. */
  public List<CheckResult> withStatus(CheckStatus status) {
    return checks.stream().filter(c -> c.status() == status).toList();
  }
}
