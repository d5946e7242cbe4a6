package dev.mgnagent.disk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceNameOrderTest {

  @Test
  void sortsDevicesTheWayTheKernelNumbersThem() {
    List<String> expected =
        List.of(
            "sda",
            "sdb",
            "sdz",
            "sdaa",
            "sdab",
            "vda1",
            "vda2",
            "vda10",
            "nvme2n1",
            "nvme10n1",
            "nvme10n1p2");
    List<String> shuffled = new ArrayList<>(expected);
    Collections.shuffle(shuffled, new java.util.Random(7));

    shuffled.sort(DeviceNameOrder.INSTANCE);

    assertThat(shuffled).containsSubsequence("sda", "sdb", "sdz", "sdaa", "sdab");
    assertThat(shuffled).containsSubsequence("vda1", "vda2", "vda10");
    assertThat(shuffled).containsSubsequence("nvme2n1", "nvme10n1", "nvme10n1p2");
  }

  @Test
  void isConsistentWithEquals() {
    assertThat(DeviceNameOrder.INSTANCE.compare("md0", "md0")).isZero();
    assertThat(DeviceNameOrder.INSTANCE.compare("md00", "md0")).isNotZero().isPositive();
  }

  @Test
  void isATotalOrderOverDeviceLikeNames() {
    // A small alphabet, so that driver prefixes (sd, vd, xvd, hd), letters and zeros recur.
    String alphabet = "sdvxhab0012p";
    var names =
        strings()
            .betweenCodePoints(0, 1000)
            .ofLengthBetween(1, 6)
            .map(
                s ->
                    s.codePoints()
                        .map(c -> alphabet.charAt(c % alphabet.length()))
                        .collect(
                            StringBuilder::new,
                            StringBuilder::appendCodePoint,
                            StringBuilder::append)
                        .toString());
    qt().withFixedSeed(7L)
        .withExamples(1000)
        .forAll(names, names, names)
        .checkAssert(
            (a, b, c) -> {
              int ab = Integer.signum(DeviceNameOrder.INSTANCE.compare(a, b));
              assertThat(ab).isEqualTo(-Integer.signum(DeviceNameOrder.INSTANCE.compare(b, a)));
              assertThat(ab == 0).isEqualTo(a.equals(b));
              if (ab <= 0 && DeviceNameOrder.INSTANCE.compare(b, c) <= 0) {
                assertThat(DeviceNameOrder.INSTANCE.compare(a, c)).isLessThanOrEqualTo(0);
              }
            });
  }
}
