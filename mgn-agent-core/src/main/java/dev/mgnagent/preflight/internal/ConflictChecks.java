package dev.mgnagent.preflight.internal;

import dev.mgnagent.preflight.internal.PreflightCheck.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A CloudEndure agent, an installed aws-replication agent, Oracle ASM Filter Driver (facts 3, 8).
 */
final class ConflictChecks {

  static final String CLOUDENDURE_DIR = "/var/lib/cloudendure";
  static final String AGENT_DIR = "/var/lib/aws-replication-agent";

  private ConflictChecks() {}

  static List<PreflightCheck> all() {
    return List.of(
        PreflightCheck.of(
            "conflicts.cloudendure",
            "No CloudEndure agent",
            c ->
                cloudEndure(
                    c.host().isDirectory(CLOUDENDURE_DIR), modules(c).contains("CE_AgentDriver"))),
        PreflightCheck.of(
            "conflicts.aws-replication-agent",
            "No installed replication agent",
            c ->
                agent(
                    c.host().isDirectory(AGENT_DIR),
                    c.host().read(AGENT_DIR + "/VERSION"),
                    modules(c).contains("aws_replication_driver"))),
        PreflightCheck.of(
            "conflicts.oracle-afd",
            "Oracle ASM Filter Driver inactive",
            c ->
                c.host().read("/proc/modules").isEmpty()
                    ? Verdict.skipped("no /proc/modules under the host root")
                    : oracleAfd(modules(c).contains("oracleafd"))));
  }

  /** Names of the loaded kernel modules (first field of {@code /proc/modules}). */
  static List<String> modules(CheckContext c) {
    return parseModules(c.host().read("/proc/modules").orElse(""));
  }

  static List<String> parseModules(String procModules) {
    List<String> names = new ArrayList<>();
    procModules.lines().map(l -> l.split(" ", 2)[0]).filter(n -> !n.isBlank()).forEach(names::add);
    return names;
  }

  static Verdict cloudEndure(boolean directory, boolean driverLoaded) {
    if (!directory && !driverLoaded) {
      return Verdict.pass("no " + CLOUDENDURE_DIR + " and no CE_AgentDriver module");
    }
    String seen =
        (directory ? CLOUDENDURE_DIR + " exists" : "")
            + (directory && driverLoaded ? " and " : "")
            + (driverLoaded ? "kernel module CE_AgentDriver is loaded" : "");
    return Verdict.fail(
        seen + ": a CloudEndure agent is installed",
        "uninstall the CloudEndure agent (its uninstall script under "
            + CLOUDENDURE_DIR
            + "),"
            + " then 'sudo rmmod CE_AgentDriver' if 'lsmod | grep CE_AgentDriver' still shows it,"
            + " and reboot before installing");
  }

  static Verdict agent(boolean directory, Optional<String> version, boolean driverLoaded) {
    if (!directory && !driverLoaded) {
      return Verdict.pass("no " + AGENT_DIR + " and no aws_replication_driver module");
    }
    String seen =
        directory
            ? AGENT_DIR + " exists" + version.map(v -> " (VERSION " + v.strip() + ")").orElse("")
            : "kernel module aws_replication_driver is loaded";
    return Verdict.warn(
        seen + ": the agent is already installed; installing again reinstalls" + " it",
        "fine for a reinstall (same source server, no tags); if it was installed for"
            + " another region or account, disconnect that source server first");
  }

  static Verdict oracleAfd(boolean loaded) {
    if (!loaded) {
      return Verdict.pass("kernel module oracleafd is not loaded");
    }
    return Verdict.fail(
        "kernel module oracleafd is loaded: Oracle ASM Filter Driver is active",
        "deactivate the ASM Filter Driver, reboot, install the agent, then re-enable it");
  }
}
