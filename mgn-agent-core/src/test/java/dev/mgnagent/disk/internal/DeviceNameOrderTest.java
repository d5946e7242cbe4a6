package dev.mgnagent.disk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceNameOrderTest {

  @Test
  void sortsDevicesTheWayTheKernelNumbersThem() {
    List<String> expected =
        List.of("sda", "sdb", "sdz", "sdaa", "sdab", "vda1", "vda2", "vda10",
            "nvme2n1", "nvme10n1", "nvme10n1p2");
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
}
