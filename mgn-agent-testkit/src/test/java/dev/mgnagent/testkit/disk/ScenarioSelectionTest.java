package dev.mgnagent.testkit.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.Warning;
import dev.mgnagent.disk.DevicePaths;
import dev.mgnagent.disk.DiskInventory;
import dev.mgnagent.host.Host;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.selection.InvalidSelectionException;
import dev.mgnagent.selection.ReplicationSelection;
import dev.mgnagent.selection.Selection;
import dev.mgnagent.selection.SelectionReason;
import dev.mgnagent.selection.SelectionRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's selection rules on every ready-made fake machine, through its real {@code dev/} links.
 */
class ScenarioSelectionTest {

  @TempDir Path temp;

  private ReplicationSelection selection(FakeBlockDevicesBuilder scenario) {
    Host host = LocalHost.rootedAt(scenario.writeTo(temp.resolve("root")));
    return ReplicationSelection.of(DiskInventory.of(host).read(), DevicePaths.of(host));
  }

  @Test
  void virtioEnterSelectsEveryDisk() {
    Selection all =
        selection(FakeBlockDeviceScenarios.virtioWithSeparateBoot())
            .select(SelectionRequest.devices(""));

    assertThat(all.devicesArgument()).isEqualTo("/dev/vda,/dev/vdb");
  }

  @Test
  void virtioPartitionSelectsItsDiskAndTheRootComesAlong() {
    Selection selection =
        selection(FakeBlockDeviceScenarios.virtioWithSeparateBoot())
            .select(SelectionRequest.devices("/dev/vdb1"));

    assertThat(selection.paths()).containsExactly("/dev/vda", "/dev/vdb");
    assertThat(selection.disks().get(1).reasons()).containsExactly(SelectionReason.VIA_PARTITION);
    assertThat(selection.disks().get(0).reasons()).containsExactly(SelectionReason.ROOT);
  }

  @Test
  void nitroAliasesCollapseToTheNvmeDisks() {
    Selection selection =
        selection(FakeBlockDeviceScenarios.nitroNvme())
            .select(
                SelectionRequest.devices(
                    "/dev/xvda,/dev/sdf,/dev/nvme1n1,/dev/disk/by-id/nvme-Amazon_Elastic_Block_Store_vol0123456789abcdef0-part1"));

    assertThat(selection.paths()).containsExactly("/dev/nvme0n1", "/dev/nvme1n1");
    assertThat(selection.disks().get(0).reasons())
        .contains(SelectionReason.ROOT, SelectionReason.VIA_ALIAS, SelectionReason.VIA_PARTITION);
    assertThat(selection.disks().get(1).reasons())
        .containsExactlyInAnyOrder(SelectionReason.VIA_ALIAS, SelectionReason.REQUESTED);
  }

  @Test
  void lvmVolumeSelectsEveryDiskUnderIt() {
    ReplicationSelection rules = selection(FakeBlockDeviceScenarios.lvmRootSpanningTwoDisks());

    assertThat(rules.select(SelectionRequest.devices("/dev/vg0/swap")).paths())
        .containsExactly("/dev/sda", "/dev/sdb");
    assertThat(rules.select(SelectionRequest.devices("/dev/mapper/vg0-root")).paths())
        .containsExactly("/dev/sda", "/dev/sdb");
    assertThat(rules.select(SelectionRequest.devices("/dev/dm-0")).paths())
        .containsExactly("/dev/sda", "/dev/sdb");
  }

  @Test
  void mdArraySelectsBothMirrorsAndWarnsThatBootSpansThem() {
    Selection selection =
        selection(FakeBlockDeviceScenarios.mdRaid1Root())
            .select(SelectionRequest.devices("/dev/md1"));

    assertThat(selection.paths()).containsExactly("/dev/sda", "/dev/sdb");
    assertThat(selection.warnings())
        .extracting(Warning::code)
        .containsExactly(Warning.Code.BOOT_SPANS_DISKS);
  }

  @Test
  void multipathPathsAndPartitionsSelectTheMap() {
    ReplicationSelection rules = selection(FakeBlockDeviceScenarios.multipathData());

    assertThat(rules.select(SelectionRequest.devices("/dev/sdc")).paths())
        .containsExactly("/dev/mapper/mpatha", "/dev/sda");
    assertThat(rules.select(SelectionRequest.devices("/dev/mapper/mpatha1")).paths())
        .containsExactly("/dev/mapper/mpatha", "/dev/sda");
    assertThat(rules.select(SelectionRequest.forced("/dev/sda,/dev/mapper/mpatha")).paths())
        .containsExactly("/dev/sda", "/dev/mapper/mpatha");
  }

  @Test
  void wholeDiskFilesystemSelectsTheDiskItself() {
    Selection selection =
        selection(FakeBlockDeviceScenarios.wholeDiskFilesystem())
            .select(SelectionRequest.devices("/dev/vda"));

    assertThat(selection.disks())
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.orderedReasons())
                    .containsExactly(SelectionReason.ROOT, SelectionReason.REQUESTED));
  }

  @Test
  void noiseDevicesAreRefusedWithTheRealDisksListed() {
    ReplicationSelection rules = selection(FakeBlockDeviceScenarios.noise());

    assertThatThrownBy(
            () -> rules.select(SelectionRequest.devices("/dev/sr0,/dev/cdrom,/dev/loop0")))
        .isInstanceOf(InvalidSelectionException.class)
        .hasMessageContaining("'/dev/sr0' is not a disk MGN can replicate")
        .hasMessageContaining("'/dev/cdrom' is not a disk MGN can replicate")
        .hasMessageContaining("'/dev/loop0' is not a disk MGN can replicate")
        .hasMessageEndingWith("(the disks are: /dev/sda)");
  }

  @Test
  void overlayRootWarnsThatTheRootDiskIsUnknown() {
    Selection selection =
        selection(FakeBlockDeviceScenarios.overlayRoot()).select(SelectionRequest.allDisks());

    assertThat(selection.paths()).containsExactly("/dev/vda");
    assertThat(selection.warnings())
        .extracting(Warning::code)
        .containsExactly(Warning.Code.ROOT_DISK_UNKNOWN);
  }

  @Test
  void xenSwapDiskCanBeLeftOutButNotTheRoot() {
    Selection selection =
        selection(FakeBlockDeviceScenarios.xenWithSwapDisk())
            .select(SelectionRequest.devices("/dev/xvda1"));

    assertThat(selection.paths()).containsExactly("/dev/xvda");
  }

  @Test
  void encryptedLvmVolumeResolvesThroughTheCryptMapping() {
    ReplicationSelection rules = selection(FakeBlockDeviceScenarios.encryptedLvmRoot());

    assertThat(rules.select(SelectionRequest.devices("/dev/ubuntu-vg/ubuntu-lv")).paths())
        .containsExactly("/dev/vda");
    assertThatThrownBy(() -> rules.select(SelectionRequest.forced("/dev/vda3")))
        .hasMessageContaining("must include the root disk /dev/vda");
  }
}
