package dev.mgnagent.testkit.disk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants every real kernel tree satisfies, checked on every scenario by reading the written
 * files, never the builder's model.
 */
class ScenarioStructureTest {

  @TempDir static Path shared;
  @TempDir Path temp;

  /** Each scenario is written once per class run; the tests only read the trees. */
  private static final Map<String, HostTree> WRITTEN = new HashMap<>();

  static Stream<Arguments> scenarios() {
    List<Arguments> out = new ArrayList<>();
    for (Map.Entry<String, Supplier<FakeBlockDevicesBuilder>> e :
        FakeBlockDeviceScenarios.all().entrySet()) {
      out.add(Arguments.of(e.getKey(), e.getValue()));
    }
    out.add(Arguments.of("kitchenSink", (Supplier<FakeBlockDevicesBuilder>) KitchenSink::builder));
    return out.stream();
  }

  private static HostTree write(String name, Supplier<FakeBlockDevicesBuilder> scenario) {
    return WRITTEN.computeIfAbsent(
        name, n -> new HostTree(scenario.get().writeTo(shared.resolve(n))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void everySysBlockEntryIsARelativeSymlinkIntoDevices(
      String name, Supplier<FakeBlockDevicesBuilder> scenario) {
    HostTree tree = write(name, scenario);
    assertThat(tree.list("sys/block")).isNotEmpty();
    for (Path entry : tree.list("sys/block")) {
      assertThat(entry).isSymbolicLink();
      assertThat(HostTree.link(entry)).startsWith("../devices/");
      Path real = HostTree.real(entry);
      assertThat(real).startsWith(tree.realRoot().resolve("sys/devices")).isDirectory();
      assertThat(real.resolve("dev")).isRegularFile();
      assertThat(real.resolve("partition")).as("sys/block lists no partitions").doesNotExist();
      assertThat(real.getFileName()).isEqualTo(entry.getFileName());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void everySysClassBlockEntryResolvesToADeviceDirectory(
      String name, Supplier<FakeBlockDevicesBuilder> scenario) {
    HostTree tree = write(name, scenario);
    Set<String> classNames = new HashSet<>();
    for (Path entry : tree.list("sys/class/block")) {
      assertThat(HostTree.link(entry)).startsWith("../../devices/");
      Path real = HostTree.real(entry);
      assertThat(real).startsWith(tree.realRoot().resolve("sys/devices"));
      assertThat(real.resolve("dev")).isRegularFile();
      assertThat(HostTree.uevent(real, "DEVNAME")).contains(entry.getFileName().toString());
      classNames.add(entry.getFileName().toString());
    }
    for (Path disk : tree.list("sys/block")) {
      assertThat(classNames).contains(disk.getFileName().toString());
      for (Path partition : HostTree.partitionDirs(HostTree.real(disk))) {
        assertThat(classNames).contains(partition.getFileName().toString());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void sysDevBlockLinkMatchesEachDevicesDevFile(
      String name, Supplier<FakeBlockDevicesBuilder> scenario) {
    HostTree tree = write(name, scenario);
    Map<String, Path> devices = tree.devices();
    assertThat(tree.list("sys/dev/block")).hasSameSizeAs(devices.keySet());
    for (Map.Entry<String, Path> device : devices.entrySet()) {
      String number = HostTree.read(device.getValue().resolve("dev"));
      assertThat(number).matches("\\d+:\\d+\n");
      Path byNumber = tree.root.resolve("sys/dev/block").resolve(number.trim());
      assertThat(HostTree.link(byNumber)).startsWith("../../devices/");
      assertThat(HostTree.real(byNumber)).isEqualTo(device.getValue());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void ueventAgreesWithDevFileAndKind(String name, Supplier<FakeBlockDevicesBuilder> scenario) {
    HostTree tree = write(name, scenario);
    for (Map.Entry<String, Path> device : tree.devices().entrySet()) {
      Path dir = device.getValue();
      String[] number = HostTree.read(dir.resolve("dev")).trim().split(":");
      assertThat(HostTree.uevent(dir, "MAJOR")).contains(number[0]);
      assertThat(HostTree.uevent(dir, "MINOR")).contains(number[1]);
      boolean partition = Files.exists(dir.resolve("partition"));
      assertThat(HostTree.uevent(dir, "DEVTYPE")).contains(partition ? "partition" : "disk");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void everyPartitionHasNumberStartAndSizeAndFitsInItsDisk(
      String name, Supplier<FakeBlockDevicesBuilder> scenario) {
    HostTree tree = write(name, scenario);
    for (Path diskLink : tree.list("sys/block")) {
      Path disk = HostTree.real(diskLink);
      long diskSectors = HostTree.number(disk.resolve("size"));
      List<long[]> extents = new ArrayList<>();
      for (Path partition : HostTree.partitionDirs(disk)) {
        long number = HostTree.number(partition.resolve("partition"));
        long start = HostTree.number(partition.resolve("start"));
        long size = HostTree.number(partition.resolve("size"));
        String expectedName =
            diskLink.getFileName().toString()
                + (Character.isDigit(
                        diskLink.getFileName().toString().chars().reduce((a, b) -> b).getAsInt())
                    ? "p"
                    : "")
                + number;
        assertThat(partition.getFileName().toString()).isEqualTo(expectedName);
        assertThat(start).isPositive();
        assertThat(size).isPositive();
        assertThat(start + size).isLessThanOrEqualTo(diskSectors);
        assertThat(partition.resolve("holders")).isDirectory();
        for (long[] other : extents) {
          assertThat(start >= other[0] + other[1] || other[0] >= start + size)
              .as("%s overlaps another partition", partition.getFileName())
              .isTrue();
        }
        extents.add(new long[] {start, size});
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void slavesAndHoldersAreMutual(String name, Supplier<FakeBlockDevicesBuilder> scenario) {
    HostTree tree = write(name, scenario);
    Map<String, Path> devices = tree.devices();
    for (Map.Entry<String, Path> device : devices.entrySet()) {
      Path dir = device.getValue();
      assertThat(dir.resolve("holders")).isDirectory();
      for (Path holder : tree.list(tree.root.relativize(dir.resolve("holders")).toString())) {
        Path holderDir = HostTree.real(holder);
        assertThat(holderDir).isEqualTo(devices.get(holder.getFileName().toString()));
        Path back = holderDir.resolve("slaves").resolve(device.getKey());
        assertThat(back).isSymbolicLink();
        assertThat(HostTree.real(back)).isEqualTo(dir);
      }
      if (Files.exists(dir.resolve("partition"))) {
        continue;
      }
      assertThat(dir.resolve("slaves")).isDirectory();
      for (Path slave : tree.list(tree.root.relativize(dir.resolve("slaves")).toString())) {
        Path slaveDir = HostTree.real(slave);
        assertThat(slaveDir).isEqualTo(devices.get(slave.getFileName().toString()));
        Path back = slaveDir.resolve("holders").resolve(device.getKey());
        assertThat(back).isSymbolicLink();
        assertThat(HostTree.real(back)).isEqualTo(dir);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void everyMountinfoLineHasTheKernelsFieldsAndAKnownDeviceNumber(
      String name, Supplier<FakeBlockDevicesBuilder> scenario) {
    HostTree tree = write(name, scenario);
    Set<String> numbers = new HashSet<>();
    for (Path dir : tree.devices().values()) {
      numbers.add(HostTree.read(dir.resolve("dev")).trim());
    }
    Set<String> ids = new HashSet<>();
    List<String> parents = new ArrayList<>();
    int roots = 0;
    for (String[] fields : tree.mountinfo()) {
      int separator = List.of(fields).indexOf("-");
      assertThat(separator).as(String.join(" ", fields)).isGreaterThanOrEqualTo(6);
      assertThat(fields.length - separator).as(String.join(" ", fields)).isEqualTo(4);
      assertThat(fields[0]).matches("\\d+");
      assertThat(fields[1]).matches("\\d+");
      assertThat(ids.add(fields[0])).as("unique mount id").isTrue();
      parents.add(fields[1]);
      assertThat(fields[2]).matches("\\d+:\\d+");
      assertThat(fields[2].startsWith("0:") || numbers.contains(fields[2]))
          .as("%s names an existing device or a pseudo file system", fields[2])
          .isTrue();
      assertThat(HostTree.unescape(fields[3])).startsWith("/");
      assertThat(HostTree.unescape(fields[4])).startsWith("/");
      assertThat(fields[4]).doesNotContain(" ", "\t");
      if (fields[4].equals("/")) {
        roots++;
      }
      if (!fields[2].startsWith("0:")) {
        Path source = tree.root.resolve(HostTree.unescape(fields[separator + 2]).substring(1));
        assertThat(source).as("mount source exists under dev/").exists();
        assertThat(
                HostTree.read(
                        HostTree.real(
                                tree.root
                                    .resolve("sys/class/block")
                                    .resolve(HostTree.real(source).getFileName().toString()))
                            .resolve("dev"))
                    .trim())
            .isEqualTo(fields[2]);
      }
    }
    assertThat(roots).isEqualTo(1);
    for (String parent : parents) {
      assertThat(ids.contains(parent) || parent.equals("1"))
          .as("parent %s exists", parent)
          .isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void procPartitionsListsEveryNonEmptyDeviceInKibibytes(
      String name, Supplier<FakeBlockDevicesBuilder> scenario) {
    HostTree tree = write(name, scenario);
    String[] lines = tree.read("proc/partitions").split("\n", -1);
    assertThat(lines[0]).isEqualTo("major minor  #blocks  name");
    assertThat(lines[1]).isEmpty();
    Map<String, String> listed = new HashMap<>();
    for (int i = 2; i < lines.length - 1; i++) {
      assertThat(lines[i]).matches("[ \\d]{4}  [ \\d]{7} [ \\d]{10} \\S+");
      String[] f = lines[i].trim().split("\\s+");
      listed.put(f[3], f[0] + ":" + f[1] + " " + f[2]);
    }
    assertThat(lines[lines.length - 1]).as("ends with a newline").isEmpty();
    for (Map.Entry<String, Path> device : tree.devices().entrySet()) {
      long sectors = HostTree.number(device.getValue().resolve("size"));
      String number = HostTree.read(device.getValue().resolve("dev")).trim();
      if (sectors == 0) {
        assertThat(listed).doesNotContainKey(device.getKey());
      } else {
        assertThat(listed).containsEntry(device.getKey(), number + " " + sectors / 2);
      }
    }
    assertThat(tree.devices().keySet()).containsAll(listed.keySet());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void everyDeviceHasANodeUnderDev(String name, Supplier<FakeBlockDevicesBuilder> scenario) {
    HostTree tree = write(name, scenario);
    for (Map.Entry<String, Path> device : tree.devices().entrySet()) {
      Path node = tree.root.resolve("dev").resolve(device.getKey());
      assertThat(node).isRegularFile().isEmptyFile();
      String number = HostTree.read(device.getValue().resolve("dev")).trim();
      assertThat(HostTree.real(tree.root.resolve("dev/block").resolve(number)))
          .isEqualTo(HostTree.real(node));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void everySymlinkIsRelativeAndResolvesInsideTheRoot(
      String name, Supplier<FakeBlockDevicesBuilder> scenario) {
    HostTree tree = write(name, scenario);
    for (Path link : tree.allSymlinks()) {
      String target = HostTree.link(link);
      assertThat(target).as(link.toString()).doesNotStartWith("/");
      assertThat(HostTree.real(link)).as(link.toString()).startsWith(tree.realRoot());
      if (link.startsWith(tree.root.resolve("dev"))) {
        assertThat(HostTree.real(link))
            .as("udev links point at nodes")
            .startsWith(tree.realRoot().resolve("dev"))
            .isRegularFile();
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void writingTheSameScenarioTwiceGivesTheSameTree(
      String name, Supplier<FakeBlockDevicesBuilder> scenario) throws Exception {
    Path first = scenario.get().writeTo(temp.resolve("a"));
    Path second = scenario.get().writeTo(temp.resolve("b"));
    List<String> a = describe(first);
    assertThat(describe(second)).isEqualTo(a);
  }

  private static List<String> describe(Path root) throws Exception {
    List<String> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted().toList()) {
        String rel = root.relativize(p).toString();
        if (Files.isSymbolicLink(p)) {
          out.add(rel + " -> " + Files.readSymbolicLink(p));
        } else if (Files.isRegularFile(p)) {
          out.add(rel + " = " + Files.readString(p));
        } else {
          out.add(rel + "/");
        }
      }
    }
    return out;
  }
}
