package dev.mgnagent.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link MacAddresses}: the kernel's, MGN's and bare forms compare equal; loopback is left out. */
class MacAddressesTest {

  @TempDir Path root;

  @Test
  void kernelAndMgnFormsNormalizeAlike() {
    assertThat(MacAddresses.normalize("0a:40:f1:e8:b2:2d")).contains("0a40f1e8b22d");
    assertThat(MacAddresses.normalize("0A-40-F1-E8-B2-2D")).contains("0a40f1e8b22d");
    assertThat(MacAddresses.normalize(" 0A40F1E8B22D\n")).contains("0a40f1e8b22d");
  }

  @Test
  void otherTextIsNoMac() {
    assertThat(MacAddresses.normalize("")).isEmpty();
    assertThat(MacAddresses.normalize("0a:40:f1:e8:b2")).isEmpty();
    assertThat(
            MacAddresses.normalize("80:00:02:08:fe:80:00:00:00:00:00:00:00:02:c9:03:00:0a:1b:2c"))
        .isEmpty();
    assertThat(MacAddresses.normalize(null)).isEmpty();
  }

  @Test
  void readsEveryInterfaceButLoopbackAndZero() throws Exception {
    write("sys/class/net/lo/address", "00:00:00:00:00:00\n");
    write("sys/class/net/ens5/address", "02:5e:aa:10:20:30\n");
    write("sys/class/net/docker0/address", "02:42:ac:11:00:01\n");
    write("sys/class/net/tun0/address", "00:00:00:00:00:00\n");

    assertThat(MacAddresses.of(LocalHost.rootedAt(root)))
        .containsExactly("0242ac110001", "025eaa102030");
  }

  @Test
  void aHostWithoutNetworkFilesHasNone() {
    assertThat(MacAddresses.of(LocalHost.rootedAt(root))).isEmpty();
  }

  private void write(String relative, String text) throws Exception {
    Path file = root.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
