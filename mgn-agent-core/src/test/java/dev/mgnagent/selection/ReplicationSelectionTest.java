package dev.mgnagent.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.InvalidRequestException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplicationSelectionTest {

  /** sda (sda1, sda2), sdb (sdb1), nvme0n1; LV vg0-data on sda1+sdb1 is root; mpatha on sdy/sdz. */
  private final GeneratedHost host =
      GeneratedHost.build(
          new GeneratedHost.Spec(
              List.of(0, 0, 2), List.of(2, 1, 0, 0, 0, 0, 0), 2, false, true, 1));

  private Selection select(SelectionRequest request) {
    return ReplicationSelection.of(host.inventory(), host.devicePaths()).select(request);
  }

  @Test
  void noRequestSelectsEveryDiskWithTheRootMarked() {
    Selection selection = select(SelectionRequest.allDisks());

    assertThat(selection.devicesArgument())
        .isEqualTo("/dev/sda,/dev/sdb,/dev/nvme0n1,/dev/mapper/mpatha");
    assertThat(selection.disks().get(0).orderedReasons())
        .containsExactly(SelectionReason.ROOT, SelectionReason.ALL_DISKS);
    assertThat(selection.disks().get(2).orderedReasons())
        .containsExactly(SelectionReason.ALL_DISKS);
  }

  @Test
  void blankAnswerMeansEveryDisk() {
    assertThat(select(SelectionRequest.devices("  ")).paths()).hasSize(4);
  }

  @Test
  void rootDiskIsAlwaysSelected() {
    Selection selection = select(SelectionRequest.devices("/dev/nvme0n1"));

    assertThat(selection.paths()).containsExactly("/dev/sda", "/dev/sdb", "/dev/nvme0n1");
    assertThat(selection.disks().get(2).reasons()).containsExactly(SelectionReason.REQUESTED);
    assertThat(selection.disks().get(0).reasons()).containsExactly(SelectionReason.ROOT);
  }

  @Test
  void aliasesPartitionsAndMultipathPathsSelectTheirDisk() {
    Selection selection =
        select(
            SelectionRequest.devices(
                "/dev/xvda , /dev/sdb1,/dev/sdy, /dev/disk/by-id/id-sda-part2"));

    assertThat(selection.paths())
        .containsExactly("/dev/sda", "/dev/sdb", "/dev/nvme0n1", "/dev/mapper/mpatha");
    assertThat(selection.disks().get(2).reasons()).containsExactly(SelectionReason.VIA_ALIAS);
    assertThat(selection.disks().get(1).reasons())
        .containsExactlyInAnyOrder(SelectionReason.ROOT, SelectionReason.VIA_PARTITION);
    assertThat(selection.disks().get(3).reasons()).containsExactly(SelectionReason.VIA_ALIAS);
  }

  @Test
  void everyProblemIsNamedAndTheRealDisksListed() {
    assertThatThrownBy(() -> select(SelectionRequest.devices("/dev/sdq,'/dev/sda',,/dev/sr0")))
        .isInstanceOf(InvalidSelectionException.class)
        .hasMessage(
            "devices: '/dev/sdq' is not a block device of this server;"
                + " ''/dev/sda'' holds quotes, brackets or glob characters; list plain paths separated"
                + " by commas; the list has an empty item between commas;"
                + " '/dev/sr0' is not a disk MGN can replicate (loop, ram, zram, optical, floppy and"
                + " empty devices are not)"
                + " (the disks are: /dev/sda, /dev/sdb, /dev/nvme0n1, /dev/mapper/mpatha)");
  }

  @Test
  void leadingAndTrailingCommasAreRefused() {
    assertThatThrownBy(() -> select(SelectionRequest.devices(",/dev/sda")))
        .hasMessageContaining("the list has a leading comma");
    assertThatThrownBy(() -> select(SelectionRequest.devices("/dev/sda,")))
        .hasMessageContaining("the list has a trailing comma");
  }

  @Test
  void relativeAndDotDotPathsAreRefused() {
    assertThatThrownBy(() -> select(SelectionRequest.devices("sda")))
        .hasMessageContaining("'sda' is not an absolute path");
    assertThatThrownBy(() -> select(SelectionRequest.devices("/dev/../dev/sda")))
        .hasMessageContaining("holds '..'");
  }

  @Test
  void forceVolumesNeedsNoPromptAndDevices() {
    assertThatThrownBy(() -> select(new SelectionRequest(Optional.of("/dev/sda"), true, false)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("forceVolumes needs noPrompt and devices");
    assertThatThrownBy(() -> select(new SelectionRequest(Optional.empty(), true, true)))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void forcedPathsAreNotWidenedAndKeepTheirOrder() {
    Selection selection = select(SelectionRequest.forced("/dev/sdb1,/dev/sda,/dev/sdb,/dev/sda"));

    assertThat(selection.paths()).containsExactly("/dev/sdb1", "/dev/sda", "/dev/sdb");
    assertThat(selection.disks().get(0).orderedReasons()).containsExactly(SelectionReason.FORCED);
    assertThat(selection.disks().get(1).orderedReasons())
        .containsExactly(SelectionReason.ROOT, SelectionReason.FORCED);
    assertThat(selection.forced()).isTrue();
  }

  @Test
  void forcedListWithoutTheRootDiskNamesIt() {
    assertThatThrownBy(() -> select(SelectionRequest.forced("/dev/sda,/dev/sdb1")))
        .isInstanceOf(InvalidSelectionException.class)
        .hasMessageContaining("with forceVolumes the list must include the root disk /dev/sdb");
  }

  @Test
  void forcedAliasOfTheRootDiskCounts() {
    GeneratedHost nvmeRoot =
        GeneratedHost.build(
            new GeneratedHost.Spec(
                List.of(2, 0), List.of(1, 0, 0, 0, 0, 0, 0), 0, false, false, 0));

    Selection selection =
        ReplicationSelection.of(nvmeRoot.inventory(), nvmeRoot.devicePaths())
            .select(SelectionRequest.forced("/dev/xvda"));

    assertThat(selection.paths()).containsExactly("/dev/xvda");
    assertThat(selection.disks().get(0).name()).isEqualTo("nvme0n1");
  }
}
