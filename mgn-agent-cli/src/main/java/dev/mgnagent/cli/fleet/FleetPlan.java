package dev.mgnagent.cli.fleet;

import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.ExitCodes;
import dev.mgnagent.cli.Flags;
import dev.mgnagent.cli.output.JsonWriter;
import dev.mgnagent.cli.output.TerminalText;
import dev.mgnagent.cli.preflight.PreflightView;
import dev.mgnagent.disk.DevicePaths;
import dev.mgnagent.disk.DiskInventory;
import dev.mgnagent.fleet.FleetHost;
import dev.mgnagent.fleet.FleetInstallation;
import dev.mgnagent.fleet.HostReport;
import dev.mgnagent.fleet.InspectionStatus;
import dev.mgnagent.install.AgentInstallation;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.preflight.CheckResult;
import dev.mgnagent.preflight.CheckStatus;
import dev.mgnagent.preflight.Preflight;
import dev.mgnagent.preflight.PreflightReport;
import dev.mgnagent.selection.ReplicationSelection;
import dev.mgnagent.selection.Selection;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code fleet plan} and {@code fleet install --dry-run}: on every host, the preflight checks and
 * the disk selection, then what the installation would do there (devices, flavor, tags, the
 * installer's command line with secrets masked). Only reads: no installer is uploaded or run, no
 * file is written on a host and no source server is created.
 */
final class FleetPlan {

  /** The plan for one host. */
  record HostPlan(
      PreflightReport preflight,
      Selection selection,
      InstallerFlavor flavor,
      Map<String, String> tags,
      List<String> installer,
      boolean preflightStops) {}

  /**
   * Where the plan shows the installer: an installation uploads it to a new private directory named
   * {@code mgn-agent-} and random hex under the host's {@code TMPDIR} (default {@code /tmp}).
   */
  static final Path UPLOAD = Path.of("/tmp/mgn-agent-RANDOM");

  private FleetPlan() {}

  /**
   * Plans every host of {@code fleet} (built, never started) and prints the plans.
   *
   * @return the exit code: 0 when every host was read and would be installed, 1 when any host could
   *     not be read or a failed preflight check would stop its installation
   */
  static int run(
      CliContext context,
      List<FleetHost> hosts,
      SshSettings ssh,
      int parallel,
      FleetInstallation fleet,
      boolean json,
      PrintWriter out,
      PrintWriter err) {
    int[] exitCode = {ExitCodes.OK};
    List<HostReport<HostPlan>> reports =
        FleetReports.run(
            context,
            hosts,
            ssh,
            parallel,
            (fleetHost, host) -> plan(fleet.requestFor(fleetHost), host),
            json,
            FleetPlan::text,
            FleetPlan::json,
            out,
            err,
            exitCode);
    if (reports == null) {
      return exitCode[0];
    }
    return reports.stream()
            .allMatch(
                r ->
                    r.status() == InspectionStatus.DONE
                        && !r.value().orElseThrow().preflightStops())
        ? ExitCodes.OK
        : ExitCodes.FAILED;
  }

  private static HostPlan plan(InstallRequest request, dev.mgnagent.host.Host host) {
    Preflight.Builder preflight =
        Preflight.builder().host(host).flavor(request.flavor()).region(request.region());
    request.endpoint().ifPresent(preflight::endpoint);
    request.s3Endpoint().ifPresent(preflight::s3Endpoint);
    PreflightReport report = preflight.build().run();
    Selection selection =
        ReplicationSelection.of(DiskInventory.of(host).read(), DevicePaths.of(host))
            .select(request.selection());
    List<String> installer =
        AgentInstallation.builder().host(host).workDirectory(UPLOAD).build().dryRun(request);
    return new HostPlan(
        report,
        selection,
        request.flavor(),
        request.tags().asMap(),
        installer,
        report.hasFailures() && !request.skipPreflight());
  }

  static String text(HostPlan plan) {
    StringBuilder text = new StringBuilder();
    PreflightReport report = plan.preflight();
    text.append("preflight: ")
        .append(count(report, CheckStatus.PASS))
        .append(" passed, ")
        .append(count(report, CheckStatus.WARN))
        .append(" warnings, ")
        .append(count(report, CheckStatus.FAIL))
        .append(" failed")
        .append(plan.preflightStops() ? " (the installation would stop here)" : "")
        .append('\n');
    for (CheckResult check : report.checks()) {
      if (check.status() == CheckStatus.FAIL || check.status() == CheckStatus.WARN) {
        text.append("  ")
            .append(check.status().name())
            .append(' ')
            .append(check.id())
            .append(": ")
            .append(TerminalText.escape(Flags.inCliTerms(check.evidence())))
            .append('\n');
      }
    }
    text.append("devices: ")
        .append(TerminalText.escape(String.join(", ", plan.selection().paths())))
        .append('\n');
    text.append("flavor: ").append(plan.flavor().name()).append('\n');
    text.append("tags: ").append(plan.tags().isEmpty() ? "none" : TerminalText.escape(tags(plan)));
    text.append('\n');
    text.append("installer: ")
        .append(TerminalText.escape(String.join(" ", plan.installer())))
        .append('\n');
    return text.toString();
  }

  static String json(HostPlan plan) {
    String head =
        JsonWriter.object()
            .field("devices", plan.selection().paths())
            .field("flavor", plan.flavor().name())
            .field("tags", tagList(plan))
            .field("installer", plan.installer())
            .field("preflightStops", plan.preflightStops())
            .toJson();
    return head.substring(0, head.length() - 1)
        + ",\"preflight\":"
        + PreflightView.json(plan.preflight())
        + "}";
  }

  private static String tags(HostPlan plan) {
    return String.join(" ", tagList(plan));
  }

  private static List<String> tagList(HostPlan plan) {
    List<String> tags = new ArrayList<>();
    plan.tags().forEach((k, v) -> tags.add(k + "=" + v));
    return tags;
  }

  private static long count(PreflightReport report, CheckStatus status) {
    return report.withStatus(status).size();
  }
}
