package dev.mgnagent.selection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.Warning;
import dev.mgnagent.disk.BlockDevice;
import dev.mgnagent.disk.BlockDeviceRole;
import dev.mgnagent.disk.Disk;
import dev.mgnagent.disk.DiskKind;
import dev.mgnagent.disk.Inventory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SelectionWarningsTest {

  private static Disk disk(String name, long size, boolean root, boolean boot) {
    return new Disk(
        name,
        "/dev/" + name,
        "8:0",
        size,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        false,
        false,
        DiskKind.PHYSICAL,
        List.of(),
        List.of(),
        List.of(),
        root,
        boot);
  }

  private static List<Warning.Code> warningCodes(List<Disk> disks) {
    List<BlockDevice> devices = new ArrayList<>();
    disks.forEach(
        d ->
            devices.add(
                new BlockDevice(
                    d.name(), d.path(), BlockDeviceRole.DISK, d.sizeBytes(), List.of(d.name()))));
    Inventory inventory = new Inventory(disks, List.of(), devices, List.of());
    return ReplicationSelection.of(inventory, p -> Optional.empty())
        .select(SelectionRequest.allDisks())
        .warnings()
        .stream()
        .map(Warning::code)
        .toList();
  }

  @Test
  void diskOver16TiBIsFlagged() {
    long tib = 1L << 40;
    assertThat(warningCodes(List.of(disk("sda", 16 * tib, true, true)))).isEmpty();
    assertThat(
            warningCodes(
                List.of(disk("sda", 10, true, true), disk("sdb", 16 * tib + 512, false, false))))
        .containsExactly(Warning.Code.DISK_TOO_LARGE);
  }

  @Test
  void moreThanFiftyDisksAreFlagged() {
    List<Disk> fifty = new ArrayList<>();
    fifty.add(disk("sda", 10, true, true));
    for (int i = 1; i < 50; i++) {
      fifty.add(disk("vd" + i, 10, false, false));
    }
    assertThat(warningCodes(fifty)).isEmpty();
    fifty.add(disk("vd50", 10, false, false));
    assertThat(warningCodes(fifty)).containsExactly(Warning.Code.TOO_MANY_DISKS);
  }

  @Test
  void bootOnSeveralDisksIsFlagged() {
    assertThat(warningCodes(List.of(disk("sda", 10, true, true), disk("sdb", 10, true, true))))
        .containsExactly(Warning.Code.BOOT_SPANS_DISKS);
  }

  @Test
  void unknownRootIsFlagged() {
    assertThat(warningCodes(List.of(disk("sda", 10, false, false))))
        .containsExactly(Warning.Code.ROOT_DISK_UNKNOWN);
  }
}
