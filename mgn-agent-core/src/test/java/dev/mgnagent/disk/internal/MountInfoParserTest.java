package dev.mgnagent.disk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MountInfoParserTest {

  @Test
  void readsDeviceNumberMountPointTypeAndSource() {
    List<MountEntry> entries =
        MountInfoParser.parse(
            "27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard\n"
                + "22 27 0:21 / /proc rw,relatime - proc proc rw\n");

    assertThat(entries)
        .containsExactly(
            new MountEntry("254:0", "/", "/", List.of("rw", "relatime"), "ext4", "/dev/vda"),
            new MountEntry("0:21", "/", "/proc", List.of("rw", "relatime"), "proc", "proc"));
  }

  @Test
  void skipsOptionalFieldsBeforeTheSeparator() {
    List<MountEntry> entries =
        MountInfoParser.parse(
            "36 1 8:2 / / rw,relatime shared:1 master:2 - xfs /dev/sda2 rw,attr2\n");

    assertThat(entries.get(0).fsType()).isEqualTo("xfs");
    assertThat(entries.get(0).source()).isEqualTo("/dev/sda2");
  }

  @Test
  void unescapesOctalEscapesInMountPoints() {
    List<MountEntry> entries =
        MountInfoParser.parse("40 36 8:17 / /mnt/my\\040data rw - ext4 /dev/sdb1 rw\n");

    assertThat(entries.get(0).mountPoint()).isEqualTo("/mnt/my data");
  }

  @Test
  void keepsABackslashThatIsNotAnEscape() {
    assertThat(MountInfoParser.unescape("a\\b\\04")).isEqualTo("a\\b\\04");
    assertThat(MountInfoParser.unescape("tab\\011x\\134")).isEqualTo("tab\tx\\");
  }

  @Test
  void acceptsAMissingSourceField() {
    assertThat(MountInfoParser.parse("1 0 0:5 / / rw - rootfs\n").get(0).source()).isEmpty();
  }

  @Test
  void refusesALineWithoutSeparatorNamingItsNumber() {
    assertThatThrownBy(
            () -> MountInfoParser.parse("27 1 254:0 / / rw - ext4 /dev/vda rw\n27 1 8:0 / /x rw\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line 2 is not a mountinfo line");
  }

  @Test
  void refusesALineWithoutDeviceNumber() {
    assertThatThrownBy(() -> MountInfoParser.parse("27 1 vda / / rw - ext4 /dev/vda rw\n"))
        .hasMessageContaining("line 1 has no major:minor");
  }
}
