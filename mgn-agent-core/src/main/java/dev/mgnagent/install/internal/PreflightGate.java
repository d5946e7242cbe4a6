package dev.mgnagent.install.internal;

import dev.mgnagent.Warning;
import dev.mgnagent.MgnAgentException;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.Loopback;
import dev.mgnagent.preflight.CheckResult;
import dev.mgnagent.preflight.CheckStatus;
import dev.mgnagent.preflight.PreflightReport;
import java.util.List;

/**
 * Decides what a preflight report means for an installation. A FAIL stops it, unless the
 * operator passed {@code --skip-preflight}, or both endpoints are loopback (a sandbox, where this
 * machine's own shortcomings do not matter): then every failure becomes a warning. An
 * uninitialized account is no failure when the installation is asked to initialize it. Pure.
 */
final class PreflightGate {

  private PreflightGate() {}

  /**
   * The step's summary; failures that do not stop are added to {@code warnings}.
   *
   * @throws MgnAgentException when a failure stops the installation
   */
  static String apply(PreflightReport report, InstallRequest request, List<Warning> warnings) {
    List<CheckResult> failed = report.withStatus(CheckStatus.FAIL).stream()
        .filter(f -> !(request.initializeService() && f.id().equals("credentials.mgn")
            && f.evidence().contains("not initialized")))
        .toList();
    String summary = report.checks().size() + " checks, " + failed.size() + " failed"
        + (failed.isEmpty() ? "" : ": " + failed.stream().map(CheckResult::id).toList());
    if (failed.isEmpty()) {
      return summary;
    }
    boolean sandbox = isSandbox(request);
    if (request.skipPreflight() || sandbox) {
      failed.forEach(f -> warnings.add(new Warning(Warning.Code.PREFLIGHT_FAILED,
          "preflight " + f.id() + " failed: " + f.evidence())));
      return summary + (sandbox ? " (a sandbox: not stopping)" : " (--skip-preflight: not stopping)");
    }
    CheckResult first = failed.get(0);
    throw new MgnAgentException("preflight failed " + failed.size() + " check(s), first "
        + first.id() + ": " + first.evidence() + "; " + first.remedy()
        + " (run 'mgn-agent preflight' for all of them, or pass --skip-preflight)");
  }

  static boolean isSandbox(InstallRequest request) {
    return request.endpoint().map(u -> Loopback.isLoopbackHost(u.getHost())).orElse(false)
        && request.s3Endpoint().map(u -> Loopback.isLoopbackHost(u.getHost())).orElse(false);
  }
}
