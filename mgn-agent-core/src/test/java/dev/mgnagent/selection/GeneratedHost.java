package dev.mgnagent.selection;

import dev.mgnagent.disk.BlockDevice;
import dev.mgnagent.disk.BlockDeviceRole;
import dev.mgnagent.disk.DevicePaths;
import dev.mgnagent.disk.Disk;
import dev.mgnagent.disk.DiskKind;
import dev.mgnagent.disk.Inventory;
import dev.mgnagent.disk.Partition;
import dev.mgnagent.disk.StackedDevice;
import dev.mgnagent.disk.StackedDeviceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * A generated host for property tests: an inventory mixing SCSI, virtio and NVMe disks, partitions,
 * an LVM volume over several disks, md RAID1, a multipath map and noise, the {@code /dev} aliases
 * udev would make, and, as ground truth kept apart from the code under test, which disks every
 * valid path stands for.
 *
 * @param spec what was generated, for failure reports
 * @param inventory the inventory
 * @param aliases alias path to kernel name, as {@link DevicePaths} resolves them
 * @param disksOf every valid path (disk, partition, alias, LV, md, multipath path) to the disk
 *     paths it selects
 * @param wholeDiskPaths valid paths that name a whole disk (own path, alias or multipath path)
 * @param rootDisks paths of the disks that back {@code /}
 */
record GeneratedHost(
    Spec spec,
    Inventory inventory,
    Map<String, String> aliases,
    Map<String, Set<String>> disksOf,
    Map<String, String> wholeDiskPaths,
    Set<String> rootDisks) {

  /** The shape of a generated host. */
  record Spec(
      List<Integer> diskKinds,
      List<Integer> partitionCounts,
      int lvmSpan,
      boolean md,
      boolean multipath,
      int rootChoice) {}

  static final long GIB = 1L << 30;
  private static final String[] PREFIXES = {"sd", "vd", "nvme"};

  /** The spec only: the whole inventory makes failure reports unreadable. */
  @Override
  public String toString() {
    return spec.toString();
  }

  DevicePaths devicePaths() {
    return path -> Optional.ofNullable(aliases.get(path));
  }

  List<String> validPaths() {
    return List.copyOf(disksOf.keySet());
  }

  static GeneratedHost build(Spec spec) {
    return new Builder(spec).build();
  }

  private static final class Builder {
    private final Spec spec;
    private final List<DiskParts> disks = new ArrayList<>();
    private final List<StackedDevice> stacked = new ArrayList<>();
    private final List<BlockDevice> devices = new ArrayList<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();
    private final Map<String, Set<String>> disksOf = new LinkedHashMap<>();
    private final Map<String, String> wholeDiskPaths = new LinkedHashMap<>();
    private final Map<String, List<String>> partitionMounts = new LinkedHashMap<>();
    private final Map<String, List<String>> holders = new LinkedHashMap<>();
    private int minor = 0;

    Builder(Spec spec) {
      this.spec = spec;
    }

    private record DiskParts(String name, long size, int partitions, DiskKind kind) {}

    GeneratedHost build() {
      int[] letters = new int[3];
      for (int i = 0; i < spec.diskKinds().size(); i++) {
        int kind = spec.diskKinds().get(i);
        String name =
            kind == 2
                ? "nvme" + letters[2]++ + "n1"
                : PREFIXES[kind] + (char) ('a' + letters[kind]++);
        long size = (i + 1) * 10 * GIB;
        int partitions = spec.partitionCounts().get(i);
        disks.add(new DiskParts(name, size, partitions, DiskKind.PHYSICAL));
        String path = "/dev/" + name;
        wholeDisk(path, path);
        alias("/dev/disk/by-id/id-" + name, name, path);
        wholeDiskPaths.put("/dev/disk/by-id/id-" + name, path);
        if (kind == 2) {
          String xvd = "/dev/xvd" + (char) ('a' + letters[2] - 1);
          alias(xvd, name, path);
          wholeDiskPaths.put(xvd, path);
        }
        for (int p = 1; p <= partitions; p++) {
          String part = partName(name, p);
          disksOf.put("/dev/" + part, Set.of(path));
          alias("/dev/disk/by-id/id-" + name + "-part" + p, part, path);
          devices.add(
              new BlockDevice(part, "/dev/" + part, BlockDeviceRole.PARTITION, GIB, List.of(name)));
        }
        devices.add(new BlockDevice(name, path, BlockDeviceRole.DISK, size, List.of(name)));
      }
      Optional<String> lv = lvm();
      Optional<String> mdPath = md();
      Optional<String> mapPart = multipath();
      devices.add(new BlockDevice("loop0", "/dev/loop0", BlockDeviceRole.NOT_A_DISK, 0, List.of()));
      devices.add(new BlockDevice("sr0", "/dev/sr0", BlockDeviceRole.NOT_A_DISK, 0, List.of()));
      Set<String> rootDisks = chooseRoot(lv, mdPath, mapPart);
      return new GeneratedHost(
          spec, inventory(rootDisks), aliases, disksOf, wholeDiskPaths, rootDisks);
    }

    private Optional<String> lvm() {
      List<String> pvs = new ArrayList<>();
      for (DiskParts disk : disks) {
        if (disk.partitions() >= 1 && pvs.size() < spec.lvmSpan()) {
          pvs.add(partName(disk.name(), 1));
        }
      }
      if (pvs.isEmpty()) {
        return Optional.empty();
      }
      String dm = "dm-" + minor++;
      return Optional.of(
          stackedOn(dm, "/dev/mapper/vg0-data", StackedDeviceType.LVM, pvs, "/dev/vg0/data"));
    }

    private Optional<String> md() {
      List<String> members = new ArrayList<>();
      for (DiskParts disk : disks) {
        if (disk.partitions() >= 2 && members.size() < 2) {
          members.add(partName(disk.name(), 2));
        }
      }
      if (!spec.md() || members.size() < 2) {
        return Optional.empty();
      }
      return Optional.of(
          stackedOn("md0", "/dev/md0", StackedDeviceType.MD_RAID, members, "/dev/md/root"));
    }

    private Optional<String> multipath() {
      if (!spec.multipath()) {
        return Optional.empty();
      }
      String map = "dm-" + minor++;
      String mapPath = "/dev/mapper/mpatha";
      disks.add(new DiskParts(map, 100 * GIB, 0, DiskKind.MULTIPATH));
      devices.add(
          new BlockDevice(map, mapPath, BlockDeviceRole.MULTIPATH_MAP, 100 * GIB, List.of(map)));
      wholeDisk(mapPath, mapPath);
      alias("/dev/" + map, map, mapPath);
      wholeDiskPaths.put("/dev/" + map, mapPath);
      for (String path : List.of("sdy", "sdz")) {
        devices.add(
            new BlockDevice(
                path, "/dev/" + path, BlockDeviceRole.MULTIPATH_PATH, 100 * GIB, List.of(map)));
        wholeDisk("/dev/" + path, mapPath);
      }
      String part = "dm-" + minor++;
      devices.add(
          new BlockDevice(part, "/dev/mapper/mpatha1", BlockDeviceRole.STACKED, GIB, List.of(map)));
      disksOf.put("/dev/mapper/mpatha1", Set.of(mapPath));
      stacked.add(
          new StackedDevice(
              part,
              "/dev/mapper/mpatha1",
              "253:" + minor,
              StackedDeviceType.DM_PARTITION,
              GIB,
              List.of(),
              List.of(map)));
      return Optional.of(part);
    }

    private String stackedOn(
        String name, String path, StackedDeviceType type, List<String> parts, String alias) {
      Set<String> diskPaths = new TreeSet<>();
      List<String> diskNames = new ArrayList<>();
      for (String part : parts) {
        String disk = diskOfPartition(part);
        diskPaths.add("/dev/" + disk);
        diskNames.add(disk);
        holders.computeIfAbsent(part, k -> new ArrayList<>()).add(path);
      }
      devices.add(new BlockDevice(name, path, BlockDeviceRole.STACKED, GIB, diskNames));
      stacked.add(new StackedDevice(name, path, "253:" + minor, type, GIB, List.of(), diskNames));
      disksOf.put(path, diskPaths);
      alias(alias, name, null);
      disksOf.put(alias, diskPaths);
      return name;
    }

    private Set<String> chooseRoot(
        Optional<String> lv, Optional<String> md, Optional<String> mapPart) {
      List<Optional<String>> choices = List.of(Optional.of("first"), lv, md, mapPart);
      Optional<String> choice = choices.get(spec.rootChoice());
      if (choice.isEmpty() || choice.get().equals("first")) {
        DiskParts first = disks.get(0);
        String device = first.partitions() > 0 ? partName(first.name(), 1) : first.name();
        partitionMounts.put(device, List.of("/"));
        return Set.of("/dev/" + first.name());
      }
      for (BlockDevice device : devices) {
        if (device.name().equals(choice.get())) {
          Set<String> paths = new LinkedHashSet<>();
          for (String disk : device.diskNames()) {
            paths.add(disk.startsWith("dm-") ? "/dev/mapper/mpatha" : "/dev/" + disk);
          }
          return paths;
        }
      }
      throw new IllegalStateException("unknown root choice " + choice);
    }

    private Inventory inventory(Set<String> rootDisks) {
      List<Disk> result = new ArrayList<>();
      List<DiskParts> sorted = new ArrayList<>(disks);
      for (DiskParts disk : sorted) {
        String path =
            disk.kind() == DiskKind.MULTIPATH ? "/dev/mapper/mpatha" : "/dev/" + disk.name();
        List<Partition> partitions = new ArrayList<>();
        for (int p = 1; p <= disk.partitions(); p++) {
          String part = partName(disk.name(), p);
          partitions.add(
              new Partition(
                  part,
                  "/dev/" + part,
                  "8:" + p,
                  p,
                  OptionalLong.of(2048L * p),
                  GIB,
                  partitionMounts.getOrDefault(part, List.of()),
                  holders.getOrDefault(part, List.of())));
        }
        boolean root = rootDisks.contains(path);
        result.add(
            new Disk(
                disk.name(),
                path,
                "8:0",
                disk.size(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false,
                false,
                disk.kind(),
                partitions,
                partitionMounts.getOrDefault(disk.name(), List.of()),
                List.of(),
                root,
                root));
      }
      return new Inventory(result, stacked, devices, List.of());
    }

    private void wholeDisk(String typed, String diskPath) {
      disksOf.put(typed, Set.of(diskPath));
      wholeDiskPaths.put(typed, diskPath);
    }

    private void alias(String alias, String target, String diskPath) {
      aliases.put(alias, target);
      if (diskPath != null) {
        disksOf.put(alias, Set.of(diskPath));
      }
    }

    private String diskOfPartition(String part) {
      for (DiskParts disk : disks) {
        for (int p = 1; p <= disk.partitions(); p++) {
          if (partName(disk.name(), p).equals(part)) {
            return disk.name();
          }
        }
      }
      throw new IllegalStateException(part);
    }

    private static String partName(String disk, int number) {
      return disk.startsWith("nvme") ? disk + "p" + number : disk + number;
    }
  }
}
