package dev.mgnagent.preflight.internal;

import dev.mgnagent.preflight.internal.PreflightCheck.Verdict;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Architecture, OS against MGN's supported table, kernel release. */
final class PlatformChecks {

  /** End of support closer than this WARNs. */
  static final int WARN_DAYS = 180;

  private PlatformChecks() {}

  static List<PreflightCheck> all() {
    return List.of(
        PreflightCheck.of("platform.arch", "x86_64 architecture", PlatformChecks::arch),
        PreflightCheck.of(
            "platform.os",
            "Supported OS and version",
            c ->
                c.host()
                    .read("/etc/os-release")
                    .or(() -> c.host().read("/usr/lib/os-release"))
                    .map(t -> os(t, c.today()))
                    .orElseGet(
                        () ->
                            Verdict.fail(
                                "no /etc/os-release",
                                "MGN supports only the"
                                    + " distributions of its supported-OS table; check the OS by hand"))),
        PreflightCheck.of(
            "platform.kernel",
            "Kernel release supported",
            c ->
                c.host()
                    .read("/proc/sys/kernel/osrelease")
                    .map(String::strip)
                    .map(PlatformChecks::kernel)
                    .orElseGet(
                        () ->
                            Verdict.skipped(
                                "no /proc/sys/kernel/osrelease under the host" + " root"))));
  }

  private static Verdict arch(CheckContext c) {
    Optional<String> arch = c.host().read("/proc/sys/kernel/arch").map(String::strip);
    if (arch.isEmpty() && c.host().noCommandsReason().isEmpty()) {
      CommandOutcome uname = c.host().run("uname", "-m");
      arch = uname.succeeded() ? Optional.of(uname.stdout().strip()) : Optional.empty();
    }
    return arch.map(PlatformChecks::arch)
        .orElseGet(
            () ->
                Verdict.skipped(
                    "no /proc/sys/kernel/arch under the host root"
                        + c.host()
                            .noCommandsReason()
                            .map(r -> ", and 'uname -m' was not run: " + r)
                            .orElse(", and 'uname -m' failed")));
  }

  static Verdict arch(String machine) {
    if (machine.equals("x86_64") || machine.equals("amd64")) {
      return Verdict.pass("machine " + machine);
    }
    return Verdict.fail(
        "machine " + machine + "; MGN's Linux agent supports x86 64-bit only",
        "replicate this server another way (MGN does not support " + machine + " on Linux)");
  }

  static Verdict os(String osRelease, LocalDate today) {
    Map<String, String> values = OsSupport.parseOsRelease(osRelease);
    String id = values.getOrDefault("ID", "");
    String version = values.getOrDefault("VERSION_ID", "");
    String pretty = values.getOrDefault("PRETTY_NAME", id + " " + version).strip();
    OsSupport.Support support = OsSupport.lookup(id, version);
    String seen = pretty + " (ID=" + id + ", VERSION_ID=" + version + ")";
    if (!support.listed()) {
      return Verdict.fail(
          seen + " is not in MGN's supported Linux table",
          "migrate from a supported OS version (see 'Supported operating systems' in the MGN"
              + " guide); the installer fails on unsupported systems, often with a GLIBC error");
    }
    if (support.endOfSupport().isEmpty()) {
      return Verdict.pass(seen + " is supported");
    }
    LocalDate end = support.endOfSupport().get();
    long days = OsSupport.daysLeft(today, end);
    if (days < 0) {
      return Verdict.fail(
          seen + ": MGN support ended on " + end,
          "upgrade the OS to a supported version before migrating");
    }
    if (days <= WARN_DAYS) {
      return Verdict.warn(
          seen + ": MGN support ends on " + end + " (" + days + " days)",
          "finish the migration before " + end + ", or upgrade the OS");
    }
    return Verdict.pass(seen + " is supported until " + end);
  }

  static Verdict kernel(String release) {
    if (release.equals("4.9.256") || release.startsWith("4.9.256-")) {
      return Verdict.fail(
          "kernel " + release + " is explicitly unsupported",
          "boot another kernel (MGN does not support 4.9.256)");
    }
    String[] mainAndBuild = release.split("-", 2);
    String base = mainAndBuild[0];
    String build = mainAndBuild.length > 1 ? mainAndBuild[1].replaceAll("^([0-9]*).*$", "$1") : "";
    if (OsSupport.compare(base, "2.6.18") < 0
        || (OsSupport.compare(base, "2.6.18") == 0
            && (build.isEmpty() ? 0 : Long.parseLong(build)) < 164)) {
      return Verdict.fail(
          "kernel " + release + " is older than 2.6.18-164",
          "MGN does not support kernels before 2.6.18-164; upgrade the kernel");
    }
    return Verdict.pass("kernel " + release);
  }
}
