package dev.mgnagent.testkit.disk;

import static dev.mgnagent.testkit.disk.Sizes.GiB;
import static dev.mgnagent.testkit.disk.Sizes.MiB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder refuses trees no kernel would show, and breaks trees only when asked to. */
class FakeBlockDevicesBuilderTest {

  @TempDir Path temp;

  private static FakeBlockDevicesBuilder oneDisk() {
    return FakeBlockDevices.builder()
        .scsiDisk("sda", GiB(10))
        .partition(1, GiB(9))
        .done()
        .mount("/", "sda1", "ext4");
  }

  @Test
  void mountingAnUnknownDeviceNamesTheKnownOnes() {
    assertThatThrownBy(() -> oneDisk().mount("/data", "sdb1", "xfs"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sdb1")
        .hasMessageContaining("sda1");
  }

  @Test
  void partitionsMayNotOverlap() {
    DiskBuilder disk = FakeBlockDevices.builder().scsiDisk("sda", GiB(10)).partition(1, GiB(2));
    assertThatThrownBy(() -> disk.partition(2, GiB(1), GiB(1)))
        .hasMessageContaining("sda2 overlaps sda1");
  }

  @Test
  void aPartitionMustFitOnItsDisk() {
    DiskBuilder disk = FakeBlockDevices.builder().virtioDisk("vda", GiB(1));
    assertThatThrownBy(() -> disk.partition(1, GiB(1))).hasMessageContaining("does not fit on vda");
  }

  @Test
  void sizesAreWholeSectors() {
    assertThatThrownBy(() -> FakeBlockDevices.builder().scsiDisk("sda", 1000))
        .hasMessageContaining("512-byte sectors");
  }

  @Test
  void aVirtioDiskHasNoModelAndAScsiDiskNoSerial() {
    assertThatThrownBy(() -> FakeBlockDevices.builder().virtioDisk("vda", GiB(1)).model("X"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("model");
    assertThatThrownBy(() -> FakeBlockDevices.builder().scsiDisk("sda", GiB(1)).serial("X"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("serial");
  }

  @Test
  void scsiVendorIsAtMostEightCharacters() {
    assertThatThrownBy(
            () -> FakeBlockDevices.builder().scsiDisk("sda", GiB(1)).vendor("TOOLONGVENDOR"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void disksPastSdpUseTheNextScsiMajor() throws Exception {
    Path root =
        FakeBlockDevices.builder()
            .scsiDisk("sdq", GiB(1))
            .done()
            .scsiDisk("sdaa", GiB(1))
            .done()
            .mount("/", "sdq", "ext4")
            .writeTo(temp);
    assertThat(Files.readString(root.resolve("sys/block/sdq/dev"))).isEqualTo("65:0\n");
    assertThat(Files.readString(root.resolve("sys/block/sdaa/dev"))).isEqualTo("65:160\n");
  }

  @Test
  void theSixteenthPartitionOfAScsiDiskComesFromBlockExt() throws Exception {
    Path root =
        FakeBlockDevices.builder()
            .scsiDisk("sda", GiB(10))
            .partition(15, GiB(1))
            .partition(16, GiB(1))
            .done()
            .mount("/", "sda15", "ext4")
            .writeTo(temp);
    assertThat(Files.readString(root.resolve("sys/class/block/sda15/dev"))).isEqualTo("8:15\n");
    assertThat(Files.readString(root.resolve("sys/class/block/sda16/dev"))).isEqualTo("259:0\n");
  }

  @Test
  void twoScsiDisksCannotShareAnAddress() {
    FakeBlockDevicesBuilder builder =
        FakeBlockDevices.builder().scsiDisk("sda", GiB(1)).scsiAddress(1, 0, 0, 1).done();
    assertThatThrownBy(() -> builder.scsiDisk("sdb", GiB(1)).scsiAddress(1, 0, 0, 1))
        .hasMessageContaining("taken by sda");
  }

  @Test
  void pathsOfOneLunHaveOneSize() {
    FakeBlockDevicesBuilder builder =
        FakeBlockDevices.builder().scsiDisk("sdb", GiB(10)).done().scsiDisk("sdc", GiB(11)).done();
    assertThatThrownBy(() -> builder.multipath("mpatha", "3600a0980", "sdb", "sdc"))
        .hasMessageContaining("one size");
  }

  @Test
  void aPartitionedDiskCannotBeAPhysicalVolume() {
    assertThatThrownBy(() -> oneDisk().lvmVolume("vg", "lv", GiB(1), "sda"))
        .hasMessageContaining("has partitions");
  }

  @Test
  void dashesInLvmNamesAreDoubledInTheDeviceMapperName() throws Exception {
    Path root =
        FakeBlockDevices.builder()
            .scsiDisk("sda", GiB(10))
            .partition(1, GiB(9))
            .done()
            .lvmVolume("my-vg", "root-lv", GiB(8), "sda1")
            .mount("/", "my--vg-root--lv", "ext4")
            .writeTo(temp);
    assertThat(Files.readString(root.resolve("sys/block/dm-0/dm/name")))
        .isEqualTo("my--vg-root--lv\n");
    assertThat(Files.readSymbolicLink(root.resolve("dev/my-vg/root-lv")).toString())
        .isEqualTo("../dm-0");
  }

  @Test
  void writeToRequiresSomethingMountedAtRoot() {
    FakeBlockDevicesBuilder builder = FakeBlockDevices.builder().scsiDisk("sda", GiB(1)).done();
    assertThatThrownBy(() -> builder.writeTo(temp))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nothing is mounted at /");
  }

  @Test
  void writeToRefusesANonEmptyDirectory() throws Exception {
    Files.writeString(temp.resolve("keep.txt"), "mine");
    assertThatThrownBy(() -> oneDisk().writeTo(temp)).hasMessageContaining("not empty");
    assertThat(temp.resolve("keep.txt")).hasContent("mine");
  }

  @Test
  void aDiskWithPartitionsCannotBeMountedWhole() {
    FakeBlockDevicesBuilder builder = oneDisk().mount("/data", "sda", "xfs");
    assertThatThrownBy(() -> builder.writeTo(temp))
        .hasMessageContaining("sda")
        .hasMessageContaining("partitions");
  }

  @Test
  void aPhysicalVolumeCannotAlsoBeMounted() {
    FakeBlockDevicesBuilder builder =
        FakeBlockDevices.builder()
            .scsiDisk("sda", GiB(10))
            .partition(1, GiB(4))
            .partition(2, GiB(4))
            .done()
            .lvmVolume("vg", "lv", GiB(1), "sda2")
            .mount("/", "sda1", "ext4")
            .mount("/data", "sda2", "ext4");
    assertThatThrownBy(() -> builder.writeTo(temp)).hasMessageContaining("dm-0 is built on it");
  }

  @Test
  void corruptFileReplacesAFileThroughTheSysBlockLink() throws Exception {
    Path root =
        FakeBlockDeviceScenarios.multipathData()
            .corruptFile("sys/block/sdb/size", "garbage")
            .writeTo(temp);
    assertThat(Files.readString(root.resolve("sys/class/block/sdb/size"))).isEqualTo("garbage");
    assertThat(Files.isSymbolicLink(root.resolve("sys/block/sdb"))).isTrue();
  }

  @Test
  void corruptFileRequiresAFileTheTreeHas() {
    FakeBlockDevicesBuilder builder = oneDisk().corruptFile("sys/block/sdz/size", "x");
    assertThatThrownBy(() -> builder.writeTo(temp)).hasMessageContaining("no such file");
  }

  @Test
  void writeFileAddsAnyFileAndRemoveDeletesALinkWithoutFollowingIt() throws Exception {
    Path root =
        oneDisk()
            .writeFile("sys/block/sda/device/model", "")
            .writeFile("etc/fstab", "/dev/sda1 / ext4 defaults 0 1\n")
            .remove("sys/block/sda")
            .writeTo(temp);
    assertThat(root.resolve("etc/fstab")).hasContent("/dev/sda1 / ext4 defaults 0 1");
    assertThat(root.resolve("sys/block/sda")).doesNotExist();
    assertThat(HostTree.real(root.resolve("sys/class/block/sda")).resolve("device/model"))
        .isEmptyFile();
  }

  @Test
  void editsCannotLeaveTheRoot() {
    assertThatThrownBy(() -> oneDisk().writeFile("/etc/passwd", "x"))
        .hasMessageContaining("relative");
    assertThatThrownBy(() -> oneDisk().writeFile("sys/../../escape", "x"))
        .hasMessageContaining("inside the host root");
  }

  @Test
  void mountPointsWithSpacesAreEscapedAsTheKernelDoes() throws Exception {
    Path root =
        oneDisk().scsiDisk("sdb", GiB(1)).done().mount("/srv/my data", "sdb", "xfs").writeTo(temp);
    assertThat(Files.readString(root.resolve("proc/self/mountinfo")))
        .contains(" /srv/my\\040data rw,relatime ");
  }

  @Test
  void btrfsShowsAnAnonymousDeviceNumberLikeTheKernel() throws Exception {
    Path root =
        FakeBlockDevices.builder()
            .virtioDisk("vda", GiB(10))
            .partition(1, GiB(9))
            .done()
            .mount("/", "vda1", "btrfs")
            .writeTo(temp);
    assertThat(Files.readString(root.resolve("proc/self/mountinfo")))
        .containsPattern(" 1 0:\\d+ / / rw,relatime shared:\\d+ - btrfs /dev/vda1 ");
  }

  @Test
  void mdRaid1IsAsLargeAsItsSmallestMember() throws Exception {
    Path root =
        FakeBlockDevices.builder()
            .scsiDisk("sda", GiB(2))
            .done()
            .scsiDisk("sdb", GiB(3))
            .done()
            .mdArray("md0", MdLevel.RAID1, "sda", "sdb")
            .mount("/", "md0", "ext4")
            .writeTo(temp);
    long sectors = Long.parseLong(Files.readString(root.resolve("sys/block/md0/size")).trim());
    assertThat(sectors * 512).isEqualTo(GiB(2) - MiB(1));
  }
}
