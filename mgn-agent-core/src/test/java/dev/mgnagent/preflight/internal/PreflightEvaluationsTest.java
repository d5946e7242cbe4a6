package dev.mgnagent.preflight.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.disk.internal.MountTable;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.preflight.CheckStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The pure evaluations of the checks, on text fixtures as the host's files and commands give them.
 */
class PreflightEvaluationsTest {

  private static final LocalDate TODAY = LocalDate.parse("2026-09-01");

  private static String osRelease(String id, String version) {
    return "NAME=\"X\"\nID=" + id + "\nVERSION_ID=\"" + version + "\"\n";
  }

  @Test
  void osTableAndEndOfSupport() {
    assertThat(PlatformChecks.os(osRelease("rhel", "9.4"), TODAY).status())
        .isEqualTo(CheckStatus.PASS);
    assertThat(PlatformChecks.os(osRelease("rhel", "9.9"), TODAY).status())
        .isEqualTo(CheckStatus.FAIL);
    assertThat(PlatformChecks.os(osRelease("ol", "8.2"), TODAY).status())
        .isEqualTo(CheckStatus.FAIL);
    assertThat(PlatformChecks.os(osRelease("ol", "9.7"), TODAY).status())
        .isEqualTo(CheckStatus.PASS);
    assertThat(PlatformChecks.os(osRelease("almalinux", "9.5"), TODAY).status())
        .isEqualTo(CheckStatus.FAIL);
    assertThat(PlatformChecks.os(osRelease("amzn", "2018.03"), TODAY).status())
        .isEqualTo(CheckStatus.WARN);
    assertThat(PlatformChecks.os(osRelease("sles", "15.7"), TODAY).status())
        .isEqualTo(CheckStatus.PASS);
    assertThat(PlatformChecks.os(osRelease("sles", "11.3"), TODAY).status())
        .isEqualTo(CheckStatus.FAIL);
    assertThat(PlatformChecks.os(osRelease("ubuntu", "24.10"), TODAY).status())
        .isEqualTo(CheckStatus.FAIL);
    // Ubuntu 12.04 ends 2026-08-20: past on 2026-09-01; CentOS 7 (2026-11-20) more than 180 days
    // before.
    assertThat(PlatformChecks.os(osRelease("ubuntu", "12.04"), TODAY).status())
        .isEqualTo(CheckStatus.FAIL);
    assertThat(PlatformChecks.os(osRelease("centos", "7"), LocalDate.parse("2026-05-01")).status())
        .isEqualTo(CheckStatus.PASS);
    assertThat(PlatformChecks.os(osRelease("centos", "7"), LocalDate.parse("2026-05-25")).status())
        .isEqualTo(CheckStatus.WARN);
  }

  @Test
  void kernelReleases() {
    assertThat(PlatformChecks.kernel("4.9.256").status()).isEqualTo(CheckStatus.FAIL);
    assertThat(PlatformChecks.kernel("2.6.18-128.el5").status()).isEqualTo(CheckStatus.FAIL);
    assertThat(PlatformChecks.kernel("2.6.18-164.el5").status()).isEqualTo(CheckStatus.PASS);
    assertThat(PlatformChecks.kernel("2.6.9-89.EL").status()).isEqualTo(CheckStatus.FAIL);
    assertThat(PlatformChecks.kernel("4.9.255").status()).isEqualTo(CheckStatus.PASS);
    assertThat(PlatformChecks.kernel("5.14.0-427.13.1.el9_4.x86_64").status())
        .isEqualTo(CheckStatus.PASS);
  }

  @Test
  void memoryFromMeminfo() {
    assertThat(SpaceChecks.memory("MemTotal: 1000 kB\nMemAvailable:  307200 kB\n").status())
        .isEqualTo(CheckStatus.PASS);
    assertThat(SpaceChecks.memory("MemAvailable:  307199 kB\n").status())
        .isEqualTo(CheckStatus.FAIL);
    assertThat(
            SpaceChecks.memory("MemFree: 100000 kB\nBuffers: 100000 kB\nCached: 200000 kB\n")
                .evidence())
        .startsWith("MemFree+Buffers+Cached");
  }

  @Test
  void spaceThresholds() {
    long gib = SpaceChecks.GiB;
    assertThat(SpaceChecks.space("/", 2 * gib - 1, 2 * gib, 3 * gib, "r").status())
        .isEqualTo(CheckStatus.FAIL);
    assertThat(SpaceChecks.space("/", 2 * gib, 2 * gib, 3 * gib, "r").status())
        .isEqualTo(CheckStatus.WARN);
    assertThat(SpaceChecks.space("/", 3 * gib, 2 * gib, 3 * gib, "r").status())
        .isEqualTo(CheckStatus.PASS);
  }

  @Test
  void tmpNoexecIsWorkedAroundOnlyByAnExecTmpdir() {
    MountTable mounts =
        MountTable.parseWellFormedLines(
            "29 1 252:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw\n"
                + "40 29 0:40 / /tmp rw,nosuid,nodev,noexec,relatime shared:20 - tmpfs tmpfs rw\n"
                + "41 29 0:41 / /var/tmp\\040x rw,nosuid,noexec shared:21 - tmpfs tmpfs rw\n");
    assertThat(SpaceChecks.tmpExec(mounts, Optional.empty()).status()).isEqualTo(CheckStatus.FAIL);
    assertThat(SpaceChecks.tmpExec(mounts, Optional.of("/var/lib/build")).status())
        .isEqualTo(CheckStatus.PASS);
    assertThat(SpaceChecks.tmpExec(mounts, Optional.of("/var/tmp x/a")).status())
        .isEqualTo(CheckStatus.FAIL);
    assertThat(mounts.lastMountAt("/tmp")).isPresent();
    assertThat(mounts.lastMountAt("/boot")).isEmpty();
  }

  @Test
  void lsattrOutput() {
    CommandOutcome clean =
        new CommandOutcome(
            true, 0, "--------------e------- /etc/passwd\n--------------e------- /etc/group\n", "");
    CommandOutcome immutable =
        new CommandOutcome(
            true, 0, "----i---------e------- /etc/passwd\n--------------e------- /etc/group\n", "");
    CommandOutcome unsupported =
        new CommandOutcome(
            true, 1, "", "lsattr: Operation not supported While reading flags on /etc/passwd\n");
    assertThat(PrivilegeChecks.accountFiles(clean).status()).isEqualTo(CheckStatus.PASS);
    assertThat(PrivilegeChecks.accountFiles(immutable).status()).isEqualTo(CheckStatus.FAIL);
    assertThat(PrivilegeChecks.accountFiles(immutable).remedy()).contains("chattr -i /etc/passwd");
    assertThat(PrivilegeChecks.accountFiles(unsupported).status()).isEqualTo(CheckStatus.SKIPPED);
    assertThat(PrivilegeChecks.accountFiles(CommandOutcome.notStarted("No such file")).status())
        .isEqualTo(CheckStatus.SKIPPED);
  }

  @Test
  void uidAndSudo() {
    assertThat(PrivilegeChecks.effectiveUid("Name:\tjava\nUid:\t1000\t0\t0\t0\n")).hasValue(0);
    assertThat(
            PrivilegeChecks.rootOrSudo(
                    1000,
                    Optional.of(new CommandOutcome(true, 1, "", "sudo: a password is required\n")),
                    "")
                .evidence())
        .contains("a password is required");
    // sudo's own words when sudoers has "Defaults requiretty" and there is no terminal
    PreflightCheck.Verdict tty =
        PrivilegeChecks.rootOrSudo(
            1000,
            Optional.of(
                new CommandOutcome(true, 1, "", "sudo: sorry, you must have a tty to run sudo\n")),
            "");
    assertThat(tty.status()).isEqualTo(CheckStatus.FAIL);
    assertThat(tty.evidence()).contains("requiretty");
    assertThat(tty.remedy()).contains("!requiretty").contains("visudo");
    assertThat(PrivilegeChecks.sudoers(Optional.of("@includedir /etc/sudoers.d\n"), true).status())
        .isEqualTo(CheckStatus.PASS);
    assertThat(PrivilegeChecks.sudoers(Optional.empty(), true).status())
        .isEqualTo(CheckStatus.SKIPPED);
  }

  @Test
  void secureBootVariable() {
    assertThat(BootChecks.secureBoot(true, Optional.of(new byte[] {6, 0, 0, 0, 1})).status())
        .isEqualTo(CheckStatus.FAIL);
    assertThat(BootChecks.secureBoot(true, Optional.of(new byte[] {6, 0, 0, 0, 0})).status())
        .isEqualTo(CheckStatus.PASS);
    assertThat(BootChecks.secureBoot(false, Optional.empty()).evidence()).contains("legacy BIOS");
  }

  @Test
  void headersPythonToolsProxyModules() {
    assertThat(ToolChecks.headers("5.15.0-1", Optional.empty(), false).status())
        .isEqualTo(CheckStatus.FAIL);
    assertThat(
            ToolChecks.headers("5.15.0-1", Optional.of("/usr/src/linux-headers-5.15.0-1"), true)
                .remedy())
        .startsWith("remove the link");
    assertThat(ToolChecks.python(InstallerFlavor.PYTHON, Optional.empty()).status())
        .isEqualTo(CheckStatus.FAIL);
    assertThat(ToolChecks.python(InstallerFlavor.BINARY, Optional.empty()).status())
        .isEqualTo(CheckStatus.PASS);
    assertThat(ToolChecks.build(List.of("gcc")).status()).isEqualTo(CheckStatus.WARN);
    assertThat(NetworkChecks.proxy(Optional.of("http://u:secret@proxy:3128")).evidence())
        .doesNotContain("secret")
        .contains("u:****@proxy");
    assertThat(NetworkChecks.proxy(Optional.of("http://proxy:3128/")).status())
        .isEqualTo(CheckStatus.PASS);
    assertThat(ConflictChecks.parseModules("oracleafd 1 0 - Live 0x0\nxfs 2 1 - Live 0x0\n"))
        .containsExactly("oracleafd", "xfs");
  }
}
