package dev.mgnagent.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mgnagent.host.LocalHost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Compares the inventory of the real machine with {@code lsblk}, so that the reader is checked
 * against the kernel and not only against our own fake trees. Nothing about this machine's disks is
 * hard-coded.
 */
class DiskInventoryOnThisMachineTest {

  @Test
  void inventoryOfTheRealRootMatchesLsblk() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/sys/block")), "no sysfs here");
    JsonNode lsblk = lsblk();
    assumeTrue(lsblk != null, "lsblk is not available");

    Map<String, Long> expectedDisks = new LinkedHashMap<>();
    Set<String> expectedRoot = new TreeSet<>();
    for (JsonNode device : lsblk.path("blockdevices")) {
      String name = device.path("name").asText();
      boolean noise = name.startsWith("zram") || name.startsWith("loop") || name.startsWith("ram");
      boolean multipathPath = hasChildOfType(device, "mpath");
      if (device.path("type").asText().equals("disk")
          && device.path("size").asLong() > 0
          && !noise
          && !multipathPath) {
        expectedDisks.put(name, device.path("size").asLong());
        if (mountsRoot(device)) {
          expectedRoot.add(name);
        }
      }
    }

    Inventory inventory = DiskInventory.of(LocalHost.create()).read();

    Map<String, Long> actualDisks = new LinkedHashMap<>();
    inventory.disks().stream()
        .filter(d -> d.kind() == DiskKind.PHYSICAL)
        .forEach(d -> actualDisks.put(d.name(), d.sizeBytes()));
    assertThat(actualDisks).isEqualTo(expectedDisks);
    Set<String> actualRoot = new TreeSet<>();
    inventory.rootDisks().forEach(d -> actualRoot.add(d.name()));
    assertThat(actualRoot).isEqualTo(expectedRoot);
  }

  private static boolean hasChildOfType(JsonNode device, String type) {
    for (JsonNode child : device.path("children")) {
      if (child.path("type").asText().equals(type)) {
        return true;
      }
    }
    return false;
  }

  private static boolean mountsRoot(JsonNode device) {
    for (JsonNode mountPoint : device.path("mountpoints")) {
      if (mountPoint.asText().equals("/")) {
        return true;
      }
    }
    for (JsonNode child : device.path("children")) {
      if (mountsRoot(child)) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode lsblk() throws IOException, InterruptedException {
    Process process;
    try {
      process =
          new ProcessBuilder("lsblk", "-J", "-b", "-o", "NAME,TYPE,SIZE,MOUNTPOINTS")
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      return null;
    }
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      return null;
    }
    return new ObjectMapper().readTree(new String(out, StandardCharsets.UTF_8));
  }
}
