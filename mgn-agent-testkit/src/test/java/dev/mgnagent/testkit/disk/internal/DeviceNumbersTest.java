package dev.mgnagent.testkit.disk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeviceNumbersTest {

  @Test
  void scsiDisksGetSixteenMinorsEachAcrossTheSdMajors() {
    assertThat(DeviceNumbers.scsiDisk("sda")).hasToString("8:0");
    assertThat(DeviceNumbers.scsiDisk("sdb")).hasToString("8:16");
    assertThat(DeviceNumbers.scsiDisk("sdp")).hasToString("8:240");
    assertThat(DeviceNumbers.scsiDisk("sdq")).hasToString("65:0");
    assertThat(DeviceNumbers.scsiDisk("sdaa")).hasToString("65:160");
    assertThat(DeviceNumbers.scsiDisk("sdiv")).hasToString("135:240");
  }

  @Test
  void virtioAndXenDisksStepBySixteen() {
    assertThat(DeviceNumbers.virtioDisk("vda")).hasToString("254:0");
    assertThat(DeviceNumbers.virtioDisk("vdc")).hasToString("254:32");
    assertThat(DeviceNumbers.xenDisk("xvda")).hasToString("202:0");
    assertThat(DeviceNumbers.xenDisk("xvdb")).hasToString("202:16");
  }

  @Test
  void letterSuffixesCountLikeTheKernel() {
    assertThat(DeviceNumbers.letterIndex("a")).isZero();
    assertThat(DeviceNumbers.letterIndex("z")).isEqualTo(25);
    assertThat(DeviceNumbers.letterIndex("aa")).isEqualTo(26);
    assertThat(DeviceNumbers.letterIndex("ba")).isEqualTo(52);
  }

  @Test
  void partitionNamesGetAPAfterADigit() {
    assertThat(DeviceNumbers.partitionName("sda", 1)).isEqualTo("sda1");
    assertThat(DeviceNumbers.partitionName("nvme0n1", 128)).isEqualTo("nvme0n1p128");
    assertThat(DeviceNumbers.partitionName("md0", 2)).isEqualTo("md0p2");
    assertThat(DeviceNumbers.partitionName("mpatha", 1)).isEqualTo("mpatha1");
  }

  @Test
  void nvmeNamesSplitIntoControllerAndNamespace() {
    assertThat(DeviceNumbers.nvmeController("nvme12n3")).isEqualTo(12);
    assertThat(DeviceNumbers.nvmeNamespace("nvme12n3")).isEqualTo(3);
    assertThatThrownBy(() -> DeviceNumbers.nvmeController("nvme0")).hasMessageContaining("nvme0");
    assertThatThrownBy(() -> DeviceNumbers.nvmeNamespace("nvme0n0")).isNotNull();
  }

  @Test
  void wrongPrefixesAreRefused() {
    assertThatThrownBy(() -> DeviceNumbers.scsiDisk("vda")).hasMessageContaining("sd<letters>");
    assertThatThrownBy(() -> DeviceNumbers.xenDisk("xvdq")).hasMessageContaining("xvdp");
    assertThatThrownBy(() -> DeviceNumbers.trailingNumber("md", "md")).isNotNull();
  }
}
