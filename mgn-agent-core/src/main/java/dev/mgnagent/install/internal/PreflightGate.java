package dev.mgnagent.install.internal;

import dev.mgnagent.MgnAgentException;
import dev.mgnagent.Warning;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.preflight.CheckResult;
import dev.mgnagent.preflight.CheckStatus;
import dev.mgnagent.preflight.PreflightReport;
import java.util.List;

/**
 * Decides what a preflight report means for an installation. A FAIL stops it, unless the request
 * skips preflight or is a sandbox ({@link InstallRequest#sandbox()}, where this machine's own
 * shortcomings do not matter): then every failure becomes a warning. The shape of an endpoint
 * (loopback, plain http) never relaxes the rule. An uninitialized account is no failure when the
 * installation is asked to initialize it. Pure.
 */
final class PreflightGate {

  private PreflightGate() {}

  /**
   * The step's summary; failures that do not stop are added to {@code warnings}.
   *
   * @throws MgnAgentException when a failure stops the installation
   */
  static String apply(PreflightReport report, InstallRequest request, List<Warning> warnings) {
    List<CheckResult> failed =
        report.withStatus(CheckStatus.FAIL).stream()
            .filter(
                f ->
                    !(request.initializeService()
                        && f.id().equals("credentials.mgn")
                        && f.evidence().contains("not initialized")))
            .toList();
    String summary =
        report.checks().size()
            + " checks, "
            + failed.size()
            + " failed"
            + (failed.isEmpty() ? "" : ": " + failed.stream().map(CheckResult::id).toList());
    if (failed.isEmpty()) {
      return summary;
    }
    boolean sandbox = request.sandbox();
    if (request.skipPreflight() || sandbox) {
      failed.forEach(
          f ->
              warnings.add(
                  new Warning(
                      Warning.Code.PREFLIGHT_FAILED,
                      "preflight " + f.id() + " failed: " + f.evidence())));
      return summary + (sandbox ? " (a sandbox: not stopping)" : " (skipPreflight: not stopping)");
    }
    CheckResult first = failed.get(0);
    throw new MgnAgentException(
        "preflight failed "
            + failed.size()
            + " check(s), first "
            + first.id()
            + ": "
            + first.evidence()
            + "; "
            + first.remedy()
            + " (run 'mgn-agent preflight' for all of them, or skip them with skipPreflight)");
  }
}
