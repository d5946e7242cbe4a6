package dev.mgnagent.testkit.host;

import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Ready-made fake servers for preflight tests. Each method returns a fresh builder, so a test can
 * change it before {@link FakeLinuxHostBuilder#writeTo}.
 */
public final class FakeLinuxHosts {

  private FakeLinuxHosts() {}

  /** Every server by its method name, in declaration order. */
  public static Map<String, Supplier<FakeLinuxHostBuilder>> all() {
    Map<String, Supplier<FakeLinuxHostBuilder>> all = new LinkedHashMap<>();
    all.put("healthyRhel9", FakeLinuxHosts::healthyRhel9);
    all.put("troubledUbuntu1404", FakeLinuxHosts::troubledUbuntu1404);
    all.put("legacyCentos7", FakeLinuxHosts::legacyCentos7);
    all.put("armDebian12", FakeLinuxHosts::armDebian12);
    return all;
  }

  /**
   * A RHEL 9.4 KVM guest ({@link FakeBlockDeviceScenarios#virtioWithSeparateBoot()}) that meets
   * every requirement: root, headers, GRUB 2, BIOS boot, 20 GiB free in {@code /}, 800 MiB in
   * {@code /boot}.
   */
  public static FakeLinuxHostBuilder healthyRhel9() {
    return FakeLinuxHost.builder(FakeBlockDeviceScenarios.virtioWithSeparateBoot())
        .freeSpace("/boot", 800L << 20);
  }

  /**
   * Ubuntu 14.04 on Nitro ({@link FakeBlockDeviceScenarios#nitroNvme()}) with most things wrong:
   * run as uid 1000 whose sudo asks for a password, {@code /etc/passwd} immutable, sudoers without
   * {@code includedir}, a 400 MiB {@code noexec} tmpfs {@code /tmp}, 2.5 GiB free in {@code /}, 200
   * MiB available memory, no {@code gcc} or {@code dhclient}, headers as a symbolic link, Secure
   * Boot on, a CloudEndure agent, and {@code https_proxy} without the trailing slash.
   */
  public static FakeLinuxHostBuilder troubledUbuntu1404() {
    return FakeLinuxHost.builder(
            FakeBlockDeviceScenarios.nitroNvme()
                .pseudoMount("/tmp", "tmpfs", "tmpfs", "rw,nosuid,nodev,noexec,relatime"))
        .osRelease("ubuntu", "14.04", "Ubuntu 14.04.6 LTS")
        .kernelRelease("4.4.0-148-generic")
        .kernelHeadersSymlink(HeadersLayout.DEB)
        .uid(1000)
        .sudoWithoutPassword(false)
        .immutable("/etc/passwd")
        .noSudoersIncludeDir()
        .freeSpace("/", 2560L << 20)
        .freeSpace("/tmp", 400L << 20)
        .memAvailable(200L << 20)
        .withoutPrograms("gcc", "dhclient", "rpm")
        .efi(true)
        .cloudEndureAgent()
        .environment("https_proxy", "http://proxy.internal:3128");
  }

  /**
   * CentOS 7 on md RAID1 ({@link FakeBlockDeviceScenarios#mdRaid1Root()}: {@code /boot} spans two
   * disks) with an agent already installed (user, directory, driver), Oracle ASM Filter Driver
   * loaded, EFI without Secure Boot and no GRUB configuration.
   */
  public static FakeLinuxHostBuilder legacyCentos7() {
    return FakeLinuxHost.builder(FakeBlockDeviceScenarios.mdRaid1Root())
        .osRelease("centos", "7", "CentOS Linux 7 (Core)")
        .kernelRelease("3.10.0-1160.119.1.el7.x86_64")
        .awsReplicationUser()
        .awsReplicationAgent("4.7.1")
        .kernelModule("oracleafd")
        .efi(false)
        .noGrub()
        .freeSpace("/boot", 30L << 20);
  }

  /**
   * Debian 12 on ARM ({@link FakeBlockDeviceScenarios#lvmRootSpanningTwoDisks()}): aarch64, an OS
   * version MGN does not list, kernel 4.9.256, and no headers.
   */
  public static FakeLinuxHostBuilder armDebian12() {
    return FakeLinuxHost.builder(FakeBlockDeviceScenarios.lvmRootSpanningTwoDisks())
        .osRelease("debian", "12", "Debian GNU/Linux 12 (bookworm)")
        .arch("aarch64")
        .kernelRelease("4.9.256")
        .noKernelHeaders()
        .withoutPrograms("python3")
        .command(List.of("uname", "-m"), 0, "aarch64\n", "");
  }
}
