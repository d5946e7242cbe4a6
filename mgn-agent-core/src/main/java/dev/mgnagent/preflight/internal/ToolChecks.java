package dev.mgnagent.preflight.internal;

import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.preflight.internal.PreflightCheck.Verdict;
import java.util.List;
import java.util.Optional;

/** Python, build tools, dhclient and kernel headers, which the installer needs on the host. */
final class ToolChecks {

  static final List<String> BUILD_TOOLS = List.of("make", "gcc", "perl", "tar", "gawk", "rpm");

  private ToolChecks() {}

  static List<PreflightCheck> all() {
    return List.of(
        PreflightCheck.of(
            "tools.python",
            "python3 for the .py installer",
            c -> python(c.settings().flavor(), c.host().findProgram("python3"))),
        PreflightCheck.of(
            "tools.build",
            "make gcc perl tar gawk rpm",
            c ->
                build(
                    BUILD_TOOLS.stream().filter(t -> c.host().findProgram(t).isEmpty()).toList())),
        PreflightCheck.of(
            "tools.dhclient",
            "dhclient",
            c ->
                c.host()
                    .findProgram("dhclient")
                    .map(p -> Verdict.pass(p + " is installed"))
                    .orElseGet(
                        () ->
                            Verdict.warn(
                                "no dhclient in " + HostView.PROGRAM_DIRS,
                                "install it: yum install dhclient (or dhcp-client) on RHEL, CentOS, Fedora"
                                    + " and Amazon Linux; apt install isc-dhcp-client on Ubuntu and Debian;"
                                    + " zypper install dhcp-client on SUSE"))),
        PreflightCheck.of(
            "tools.kernel-headers", "Kernel headers for the running kernel", ToolChecks::headers));
  }

  static Verdict python(InstallerFlavor flavor, Optional<String> python3) {
    if (flavor == InstallerFlavor.BINARY) {
      return Verdict.pass(
          "the binary installer does not need Python"
              + python3.map(p -> " (" + p + " is installed)").orElse(""));
    }
    return python3
        .map(p -> Verdict.pass(p + " is installed"))
        .orElseGet(
            () ->
                Verdict.fail(
                    "no python3 for aws-replication-installer-init.py",
                    "install python3, or use the binary installer (flavor BINARY)"));
  }

  static Verdict build(List<String> missing) {
    if (missing.isEmpty()) {
      return Verdict.pass("all installed");
    }
    return Verdict.warn(
        "missing: " + String.join(" ", missing) + "; the installer tries to" + " install them",
        "install them beforehand if the package repositories are not reachable from this server"
            + " (otherwise: 'gcc was not found and could not be automatically fetched')");
  }

  private static Verdict headers(CheckContext c) {
    Optional<String> release = c.host().read("/proc/sys/kernel/osrelease").map(String::strip);
    if (release.isEmpty()) {
      return Verdict.skipped("no /proc/sys/kernel/osrelease, so the running release is unknown");
    }
    String r = release.get();
    List<String> candidates = List.of("/usr/src/linux-headers-" + r, "/usr/src/kernels/" + r);
    for (String candidate : candidates) {
      if (c.host().isSymlink(candidate)) {
        return headers(r, Optional.of(candidate), true);
      }
    }
    return headers(r, candidates.stream().filter(c.host()::isDirectory).findFirst(), false);
  }

  static Verdict headers(String release, Optional<String> found, boolean symlink) {
    String install =
        "install the headers of exactly this kernel: yum install kernel-devel-"
            + release
            + " (UEK: kernel-uek-devel-"
            + release
            + "; SUSE: kernel-default-devel-"
            + release
            + "), or apt install linux-headers-"
            + release;
    if (found.isEmpty()) {
      return Verdict.fail(
          "no headers for the running kernel "
              + release
              + " in"
              + " /usr/src/linux-headers-"
              + release
              + " or /usr/src/kernels/"
              + release,
          install + "; if none exist for this kernel, upgrade to one that has them and reboot");
    }
    if (symlink) {
      return Verdict.fail(
          found.get() + " is a symbolic link; the installer needs a real" + " directory",
          "remove the link (rm " + found.get() + ") and " + install);
    }
    return Verdict.pass(found.get());
  }
}
