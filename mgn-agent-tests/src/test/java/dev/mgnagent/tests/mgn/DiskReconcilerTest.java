package dev.mgnagent.tests.mgn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.Warning;
import dev.mgnagent.disk.DevicePaths;
import dev.mgnagent.disk.DiskInventory;
import dev.mgnagent.host.Host;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.mgn.DiskChange;
import dev.mgnagent.mgn.DiskReconciler;
import dev.mgnagent.mgn.MgnDisks;
import dev.mgnagent.mgn.ReconciledDisk;
import dev.mgnagent.mgn.Reconciliation;
import dev.mgnagent.mgn.ReplicatedDisksReader;
import dev.mgnagent.mgn.SourceServerId;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.disk.FakeBlockDevices;
import dev.mgnagent.testkit.disk.FakeBlockDevicesBuilder;
import dev.mgnagent.testkit.mgn.AgentRegistration;
import dev.mgnagent.testkit.mgn.FakeMgn;
import dev.mgnagent.testkit.mgn.SteppedClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.mgn.MgnClient;

/** {@link DiskReconciler} on testkit hosts, with MGN's view read from the fake MGN. */
class DiskReconcilerTest {
  private static final long GIB = 1L << 30;

  @TempDir Path temp;

  private Reconciliation reconcile(FakeBlockDevicesBuilder hostDisks, MgnDisks mgn) {
    Host host = LocalHost.rootedAt(hostDisks.writeTo(temp.resolve("host")));
    return DiskReconciler.of(DiskInventory.of(host).read(), DevicePaths.of(host)).reconcile(mgn);
  }

  private static MgnDisks mgn(String boot, MgnDisks.MgnDisk... replicated) {
    return new MgnDisks(List.of(replicated), List.of(replicated), Optional.ofNullable(boot), true);
  }

  private static MgnDisks.MgnDisk disk(String name, long bytes) {
    return new MgnDisks.MgnDisk(name, bytes);
  }

  private static ReconciledDisk line(Reconciliation r, String name) {
    return r.disks().stream().filter(d -> d.displayName().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void sameDisksThroughUdevAliasesAreUnchanged() {
    Reconciliation r =
        reconcile(
            FakeBlockDeviceScenarios.nitroNvme(),
            mgn("/dev/xvda", disk("/dev/xvda", 8 * GIB), disk("/dev/sdf", 100 * GIB)));

    assertThat(r.disks())
        .extracting(ReconciledDisk::change)
        .containsExactly(DiskChange.UNCHANGED, DiskChange.UNCHANGED);
    assertThat(line(r, "/dev/xvda").hostPath()).hasValue("/dev/nvme0n1");
    assertThat(r.warnings()).isEmpty();
    assertThat(r.needsAction()).isFalse();
  }

  @Test
  void grownDiskIsResizedAndMgnResyncsIt() {
    Reconciliation r =
        reconcile(
            FakeBlockDeviceScenarios.nitroNvme(),
            mgn("/dev/nvme0n1", disk("/dev/nvme0n1", 8 * GIB), disk("/dev/nvme1n1", 50 * GIB)));

    ReconciledDisk data = line(r, "/dev/nvme1n1");
    assertThat(data.change()).isEqualTo(DiskChange.RESIZED);
    assertThat(data.mgnBytes()).hasValue(50 * GIB);
    assertThat(data.hostBytes()).hasValue(100 * GIB);
    assertThat(data.action()).contains("resyncs");
    assertThat(r.needsAction()).isFalse();
  }

  @Test
  void replicatedDiskGoneFromTheHostIsDisconnected() {
    Reconciliation r =
        reconcile(
            FakeBlockDeviceScenarios.nitroNvme(),
            mgn(
                "/dev/nvme0n1",
                disk("/dev/nvme0n1", 8 * GIB),
                disk("/dev/nvme1n1", 100 * GIB),
                disk("/dev/nvme2n1", 20 * GIB)));

    ReconciledDisk gone = line(r, "/dev/nvme2n1");
    assertThat(gone.change()).isEqualTo(DiskChange.DISCONNECTED);
    assertThat(gone.hostPath()).isEmpty();
    assertThat(r.needsAction()).isTrue();
  }

  @Test
  void hostDiskMgnDoesNotReplicateMustBeAddedByRerunningTheInstaller() {
    Reconciliation r =
        reconcile(
            FakeBlockDeviceScenarios.nitroNvme(),
            mgn("/dev/nvme0n1", disk("/dev/nvme0n1", 8 * GIB)));

    ReconciledDisk added = line(r, "/dev/nvme1n1");
    assertThat(added.change()).isEqualTo(DiskChange.NOT_REPLICATED);
    assertThat(added.mgnDeviceName()).isEmpty();
    assertThat(added.action()).contains("rerun the installer");
    assertThat(r.needsAction()).isTrue();
  }

  @Test
  void reportedButNotReplicatedDiskIsNotReplicated() {
    MgnDisks view =
        new MgnDisks(
            List.of(disk("/dev/nvme0n1", 8 * GIB)),
            List.of(disk("/dev/nvme0n1", 8 * GIB), disk("/dev/nvme1n1", 100 * GIB)),
            Optional.of("/dev/nvme0n1"),
            true);

    Reconciliation r = reconcile(FakeBlockDeviceScenarios.nitroNvme(), view);

    assertThat(line(r, "/dev/nvme1n1").change()).isEqualTo(DiskChange.NOT_REPLICATED);
  }

  @Test
  void bootDiskRenamedByNvmeReEnumerationIsFlagged() {
    // installed when nvme0n1 was the 8 GiB root; after a reboot the kernel swapped the names
    FakeBlockDevicesBuilder rebooted =
        FakeBlockDevices.builder()
            .nvmeDisk("nvme0n1", 100 * GIB)
            .serial("vol0fedcba9876543210")
            .done()
            .nvmeDisk("nvme1n1", 8 * GIB)
            .serial("vol0123456789abcdef0")
            .partition(1, 8 * GIB - (2L << 20))
            .done()
            .mount("/", "nvme1n1p1", "xfs")
            .mount("/data", "nvme0n1", "xfs");

    Reconciliation r =
        reconcile(
            rebooted,
            mgn("/dev/nvme0n1", disk("/dev/nvme0n1", 8 * GIB), disk("/dev/nvme1n1", 100 * GIB)));

    assertThat(r.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.code()).isEqualTo(Warning.Code.BOOT_DISK_RENAMED);
              assertThat(w.message())
                  .contains("/dev/nvme0n1")
                  .contains("/dev/nvme1n1")
                  .contains("re-enumerated")
                  .contains("reinstall");
            });
    assertThat(line(r, "/dev/nvme0n1").mgnBoot()).isTrue();
    assertThat(line(r, "/dev/nvme0n1").hostBoot()).isFalse();
    assertThat(line(r, "/dev/nvme1n1").hostBoot()).isTrue();
    assertThat(r.disks()).allSatisfy(d -> assertThat(d.action()).contains("delete the source"));
    assertThat(r.needsAction()).isTrue();
  }

  @Test
  void missingBootFlagIsReported() {
    Reconciliation r =
        reconcile(
            FakeBlockDeviceScenarios.nitroNvme(),
            new MgnDisks(
                List.of(disk("/dev/nvme0n1", 8 * GIB)), List.of(), Optional.empty(), false));

    assertThat(r.warnings())
        .extracting(Warning::code)
        .containsExactly(Warning.Code.BOOT_DISK_UNCONFIRMED);
  }

  @Test
  void mgnViewIsReadFromReplicatedDisksSourcePropertiesAndTheBootFlag() {
    SteppedClock clock = new SteppedClock(Instant.parse("2026-01-01T00:00:00Z"));
    try (FakeMgn mgn = FakeMgn.builder().initialized(true).simulationClock(clock).build().start();
        MgnClient client = mgn.newClient()) {
      String id =
          mgn.registerAgent(
                  AgentRegistration.builder()
                      .hostname("ip-10-0-0-1")
                      .disk("/dev/nvme0n1", 8 * GIB)
                      .disk("/dev/nvme1n1", 100 * GIB)
                      .build())
              .sourceServerId();
      clock.advance(Duration.ofMinutes(1));

      MgnDisks view = ReplicatedDisksReader.of(client).read(new SourceServerId(id));

      assertThat(view.replicated())
          .extracting(MgnDisks.MgnDisk::deviceName)
          .containsExactly("/dev/nvme0n1", "/dev/nvme1n1");
      assertThat(view.reported()).hasSize(2);
      assertThat(view.bootDisk()).hasValue("/dev/nvme0n1");
      assertThat(reconcile(FakeBlockDeviceScenarios.nitroNvme(), view).disks())
          .extracting(ReconciledDisk::change)
          .containsExactly(DiskChange.UNCHANGED, DiskChange.UNCHANGED);
    }
  }

  @Test
  void aBootDiskListedSecondIsTheOneMgnMarksAndTheHostBootsFrom() {
    // the host boots from nvme1n1 and the agent lists the data disk first
    FakeBlockDevicesBuilder host =
        FakeBlockDevices.builder()
            .nvmeDisk("nvme0n1", 100 * GIB)
            .serial("vol0fedcba9876543210")
            .done()
            .nvmeDisk("nvme1n1", 8 * GIB)
            .serial("vol0123456789abcdef0")
            .partition(1, 8 * GIB - (2L << 20))
            .done()
            .mount("/", "nvme1n1p1", "xfs")
            .mount("/data", "nvme0n1", "xfs");
    SteppedClock clock = new SteppedClock(Instant.parse("2026-01-01T00:00:00Z"));
    try (FakeMgn mgn = FakeMgn.builder().initialized(true).simulationClock(clock).build().start();
        MgnClient client = mgn.newClient()) {
      String id =
          mgn.registerAgent(
                  AgentRegistration.builder()
                      .hostname("ip-10-0-0-2")
                      .disk("/dev/nvme0n1", 100 * GIB)
                      .disk("/dev/nvme1n1", 8 * GIB)
                      .bootDisk("/dev/nvme1n1")
                      .build())
              .sourceServerId();
      clock.advance(Duration.ofMinutes(1));

      MgnDisks view = ReplicatedDisksReader.of(client).read(new SourceServerId(id));
      Reconciliation r = reconcile(host, view);

      assertThat(view.bootDisk()).hasValue("/dev/nvme1n1");
      assertThat(r.warnings()).isEmpty();
      assertThat(line(r, "/dev/nvme1n1").mgnBoot()).isTrue();
      assertThat(line(r, "/dev/nvme1n1").hostBoot()).isTrue();
      assertThat(r.disks()).extracting(ReconciledDisk::change).containsOnly(DiskChange.UNCHANGED);
    }
  }
}
