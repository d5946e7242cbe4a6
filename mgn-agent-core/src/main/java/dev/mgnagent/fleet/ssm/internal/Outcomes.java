package dev.mgnagent.fleet.ssm.internal;

import dev.mgnagent.fleet.FleetHost;
import dev.mgnagent.fleet.HostFailure;
import dev.mgnagent.fleet.HostOutcome;
import dev.mgnagent.fleet.HostStatus;
import dev.mgnagent.fleet.ssm.SsmInstallScript;
import dev.mgnagent.install.InstallationResult;
import dev.mgnagent.mgn.SourceServerId;
import dev.mgnagent.selection.Selection;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ssm.model.CommandInvocation;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;

/**
 * Maps an invocation's {@code StatusDetails} to a fleet outcome. Only {@code StatusDetails} is
 * read: which {@code Status} Undeliverable and Terminated carry is not documented.
 */
final class Outcomes {

  static final Set<String> TERMINAL =
      Set.of(
          "Success",
          "Failed",
          "Execution Timed Out",
          "Delivery Timed Out",
          "Undeliverable",
          "Terminated",
          "Cancelled");

  /** The most characters of output quoted in a failure's message. */
  static final int QUOTED = 2_000;

  private Outcomes() {}

  static boolean isTerminal(String statusDetails) {
    return statusDetails != null && TERMINAL.contains(statusDetails);
  }

  static HostOutcome of(
      FleetHost host,
      CommandInvocation listed,
      Optional<GetCommandInvocationResponse> details,
      String listOutput,
      Duration took) {
    String statusDetails =
        details
            .map(GetCommandInvocationResponse::statusDetails)
            .filter(Outcomes::isTerminal)
            .orElse(listed.statusDetails());
    String stdout = details.map(GetCommandInvocationResponse::standardOutputContent).orElse("");
    String stderr = details.map(GetCommandInvocationResponse::standardErrorContent).orElse("");
    if (details.isEmpty()) {
      stdout = listOutput;
      stderr = listOutput;
    }
    int code =
        details
            .map(GetCommandInvocationResponse::responseCode)
            .orElse(
                listed.commandPlugins().isEmpty()
                    ? -1
                    : listed.commandPlugins().get(0).responseCode() == null
                        ? -1
                        : listed.commandPlugins().get(0).responseCode());
    String logs =
        details
            .map(GetCommandInvocationResponse::standardOutputUrl)
            .filter(u -> u != null && !u.isEmpty())
            .map(u -> " Full output: " + u)
            .orElse("");
    switch (statusDetails) {
      case "Success":
        {
          Optional<String> id = SsmInstallScript.sourceServerId(stdout);
          if (id.isEmpty()) {
            id = SsmInstallScript.sourceServerId(listOutput);
          }
          if (id.isPresent()) {
            return new HostOutcome(
                host,
                HostStatus.INSTALLED,
                Optional.of(
                    new InstallationResult(
                        new SourceServerId(id.get()),
                        new Selection(List.of(), List.of(), false),
                        List.of(),
                        List.of(),
                        Optional.empty())),
                Optional.empty(),
                took);
          }
          return failed(
              host,
              "NO_SOURCE_SERVER_ID",
              "the command succeeded but its output holds no source server ID line" + logs,
              "read the node's output (GetCommandInvocation or the S3 output) and check MGN",
              took);
        }
      case "Failed":
        {
          String reason =
              SsmInstallScript.errorReason(stderr)
                  .or(() -> SsmInstallScript.exitStatusReason(code))
                  .orElse("SCRIPT_FAILED");
          String text =
              SsmInstallScript.errorText(stderr).orElse("the script exited with status " + code);
          return failed(host, reason, text + tail(stdout) + logs, remedy(reason), took);
        }
      case "Execution Timed Out":
        return failed(
            host,
            "EXECUTION_TIMED_OUT",
            "the script ran longer than its execution timeout and was stopped"
                + tail(stdout)
                + logs,
            "raise the execution timeout, or look at what the installer was waiting for",
            took);
      case "Delivery Timed Out":
        return new HostOutcome(
            host,
            HostStatus.UNREACHABLE,
            Optional.empty(),
            Optional.of(
                new HostFailure(
                    Optional.empty(),
                    "DELIVERY_TIMED_OUT",
                    "the node did not receive the command before its delivery timeout",
                    "check that the node's SSM Agent is online, or raise the delivery timeout")),
            took);
      case "Undeliverable":
        return new HostOutcome(
            host,
            HostStatus.UNREACHABLE,
            Optional.empty(),
            Optional.of(
                new HostFailure(
                    Optional.empty(),
                    "UNDELIVERABLE",
                    "Systems Manager could not deliver the command to the node",
                    "check that the node still exists and its SSM Agent is registered")),
            took);
      case "Cancelled":
        return new HostOutcome(
            host, HostStatus.CANCELLED, Optional.empty(), Optional.empty(), took);
      default: // Terminated: stopped by MaxErrors before it started
        return new HostOutcome(
            host, HostStatus.SKIPPED, Optional.empty(), Optional.empty(), Duration.ZERO);
    }
  }

  private static String remedy(String reason) {
    switch (reason) {
      case "DOWNLOAD_FAILED":
        return "check that the node can reach the installer's bucket (or the S3 endpoint)";
      case "INSTALLER_MISMATCH":
        return "the download was altered or the pinned digest is outdated; check the source";
      case "INSTALLER_FAILED":
        return "read the installer's output above; fix the cause and install again";
      case "WORK_DIRECTORY":
        return "free space in the node's temporary directory";
      default:
        return "read the node's output (GetCommandInvocation or the S3 output)";
    }
  }

  private static String tail(String output) {
    if (output == null || output.isBlank()) {
      return "";
    }
    String t = output.strip();
    if (t.length() > QUOTED) {
      t = "..." + t.substring(t.length() - QUOTED);
    }
    return "; output: " + t;
  }

  private static HostOutcome failed(
      FleetHost host, String reason, String message, String remedy, Duration took) {
    return new HostOutcome(
        host,
        HostStatus.FAILED,
        Optional.empty(),
        Optional.of(new HostFailure(Optional.empty(), reason, message, remedy)),
        took);
  }
}
