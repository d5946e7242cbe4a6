package dev.mgnagent.testkit.disk.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The devices of a fake host, in the order the kernel registered them, with the numbers it handed
 * out. Every method checks its arguments against what the kernel allows and what already exists,
 * and fails with a message that names the problem.
 */
public final class BlockTree {

  private static final long SECTOR = 512L;

  private final Map<String, BlockNode> nodes = new LinkedHashMap<>();
  private final Map<String, BlockNode> scsiAddresses = new LinkedHashMap<>();
  private int nextDiskseq = 1;
  private int nextBlockExtMinor;
  private int nextDeviceMapperMinor;

  /** All devices, each disk followed by its partitions, in registration order. */
  public List<BlockNode> nodesInKernelOrder() {
    List<BlockNode> out = new ArrayList<>();
    for (BlockNode node : nodes.values()) {
      if (!node.isPartition()) {
        out.add(node);
        out.addAll(node.partitions());
      }
    }
    return out;
  }

  /** All devices in the order they were added. */
  public List<BlockNode> nodes() {
    return List.copyOf(nodes.values());
  }

  /**
   * The device called {@code name}: a kernel name ({@code sda1}, {@code dm-0}) or a device-mapper
   * name ({@code vg0-root}).
   */
  public BlockNode device(String name) {
    BlockNode node = nodes.get(name);
    if (node != null) {
      return node;
    }
    for (BlockNode candidate : nodes.values()) {
      if (candidate.dmName().filter(name::equals).isPresent()) {
        return candidate;
      }
    }
    throw new IllegalArgumentException(
        "no block device called '"
            + name
            + "'; known: "
            + nodes.values().stream().map(BlockTree::label).collect(Collectors.joining(", ")));
  }

  /** Adds SCSI disk {@code name} at the next free target on SCSI host 0. */
  public BlockNode addScsiDisk(String name, long bytes) {
    BlockNode disk =
        register(
            new BlockNode(
                name,
                DeviceKind.SCSI_DISK,
                DeviceNumbers.scsiDisk(name),
                Path.of("pending"),
                nextDiskseq,
                sectors(name, bytes, false)));
    disk.vendor("QEMU");
    disk.model("QEMU HARDDISK");
    placeScsi(disk, 0, 0, freeTarget(0), 0);
    return disk;
  }

  /** Adds SCSI optical drive {@code name} ({@code srN}) with a medium of {@code bytes}. */
  public BlockNode addCdrom(String name, long bytes) {
    int index = DeviceNumbers.trailingNumber(name, "sr");
    BlockNode drive =
        register(
            new BlockNode(
                name,
                DeviceKind.CDROM,
                new MajorMinor(DeviceNumbers.SCSI_CDROM_MAJOR, index),
                Path.of("pending"),
                nextDiskseq,
                sectors(name, bytes, true)));
    drive.removable(true);
    drive.vendor("QEMU");
    drive.model("QEMU DVD-ROM");
    placeScsi(drive, 0, 0, freeTarget(0), 0);
    return drive;
  }

  /** Moves a SCSI disk or drive to {@code host:channel:target:lun}. */
  public void placeScsi(BlockNode node, int host, int channel, int target, int lun) {
    String address = host + ":" + channel + ":" + target + ":" + lun;
    BlockNode owner = scsiAddresses.get(address);
    if (owner != null && owner != node) {
      throw new IllegalArgumentException(
          "SCSI address " + address + " is taken by " + owner.name());
    }
    node.scsiAddress().ifPresent(scsiAddresses::remove);
    Path device = Layouts.scsiDevice(host, channel, target, lun);
    node.relocate(device.resolve("block").resolve(node.name()), device);
    node.scsiAddress(address);
    scsiAddresses.put(address, node);
  }

  /** Adds virtio-blk disk {@code name}. */
  public BlockNode addVirtioDisk(String name, long bytes) {
    MajorMinor number = DeviceNumbers.virtioDisk(name);
    Path device = Layouts.virtioDevice(DeviceNumbers.virtioIndex(name));
    BlockNode disk =
        register(
            new BlockNode(
                name,
                DeviceKind.VIRTIO,
                number,
                device.resolve("block").resolve(name),
                nextDiskseq,
                sectors(name, bytes, false)));
    disk.deviceDir(device);
    return disk;
  }

  /** Adds Xen paravirtual disk {@code name}. */
  public BlockNode addXenDisk(String name, long bytes) {
    MajorMinor number = DeviceNumbers.xenDisk(name);
    Path device = Layouts.xenDevice((number.major() << 8) | number.minor());
    BlockNode disk =
        register(
            new BlockNode(
                name,
                DeviceKind.XEN,
                number,
                device.resolve("block").resolve(name),
                nextDiskseq,
                sectors(name, bytes, false)));
    disk.deviceDir(device);
    return disk;
  }

  /**
   * Adds NVMe namespace {@code name} under its controller. A second namespace on the same
   * controller shares the controller's model and serial.
   */
  public BlockNode addNvmeNamespace(String name, long bytes) {
    int controller = DeviceNumbers.nvmeController(name);
    DeviceNumbers.nvmeNamespace(name);
    Path dir = Layouts.nvmeController(controller).dir();
    long sectors = sectors(name, bytes, false);
    BlockNode namespace =
        register(
            new BlockNode(
                name,
                DeviceKind.NVME,
                new MajorMinor(DeviceNumbers.BLOCK_EXT_MAJOR, nextBlockExtMinor),
                dir.resolve(name),
                nextDiskseq,
                sectors));
    nextBlockExtMinor++;
    namespace.deviceDir(dir);
    BlockNode sibling = nvmeSibling(namespace);
    namespace.model(sibling == null ? "QEMU NVMe Ctrl" : sibling.model().orElse(null));
    namespace.serial(sibling == null ? "deadbeef" + controller : sibling.serial().orElse(null));
    return namespace;
  }

  /** Sets the model of an NVMe namespace's controller, for every namespace on it. */
  public void nvmeModel(BlockNode namespace, String model) {
    for (BlockNode n : nvmeControllerNamespaces(namespace)) {
      n.model(model);
    }
  }

  /** Sets the serial of an NVMe namespace's controller, for every namespace on it. */
  public void nvmeSerial(BlockNode namespace, String serial) {
    for (BlockNode n : nvmeControllerNamespaces(namespace)) {
      n.serial(serial);
    }
  }

  /** Adds loop device {@code loop<number>}; bound to {@code backingFile} unless it is null. */
  public BlockNode addLoop(int number, String backingFile, long bytes, boolean readOnly) {
    String name = "loop" + number;
    if (backingFile == null && bytes != 0) {
      throw new IllegalArgumentException(name + ": an unbound loop device has size 0");
    }
    if (backingFile != null && !backingFile.startsWith("/")) {
      throw new IllegalArgumentException(name + ": backing file must be absolute: " + backingFile);
    }
    BlockNode loop =
        virtual(
            name, DeviceKind.LOOP, new MajorMinor(DeviceNumbers.LOOP_MAJOR, number), bytes, true);
    loop.loopBackingFile(backingFile);
    loop.readOnly(readOnly);
    return loop;
  }

  /** Adds {@code zram<number>}; size 0 means not initialized. */
  public BlockNode addZram(int number, long bytes) {
    return virtual(
        "zram" + number,
        DeviceKind.ZRAM,
        new MajorMinor(DeviceNumbers.ZRAM_MAJOR, number),
        bytes,
        true);
  }

  /** Adds brd RAM disk {@code ram<number>}. */
  public BlockNode addRam(int number, long bytes) {
    return virtual(
        "ram" + number,
        DeviceKind.RAM,
        new MajorMinor(DeviceNumbers.RAM_MAJOR, number),
        bytes,
        false);
  }

  /**
   * Adds partition {@code number} of {@code disk}, from byte {@code startBytes} for {@code bytes}.
   * Its minor follows the disk's own when the disk reserved one for it, else it comes from blkext
   * (259), as for NVMe.
   */
  public BlockNode addPartition(BlockNode disk, int number, long startBytes, long bytes) {
    checkPartitionable(disk);
    String name = DeviceNumbers.partitionName(disk.name(), number);
    if (number < 1 || number > 255) {
      throw new IllegalArgumentException(name + ": partition numbers run from 1 to 255");
    }
    if (disk.partitions().stream().anyMatch(p -> p.partitionNumber() == number)) {
      throw new IllegalArgumentException(disk.name() + " already has partition " + number);
    }
    long start = sectors(name + " start", startBytes, true);
    long size = sectors(name, bytes, false);
    if (start == 0) {
      throw new IllegalArgumentException(name + ": sector 0 holds the partition table");
    }
    if (start + size > disk.sectors()) {
      throw new IllegalArgumentException(
          name
              + " (sectors "
              + start
              + "+"
              + size
              + ") does not fit on "
              + disk.name()
              + " ("
              + disk.sectors()
              + " sectors)");
    }
    for (BlockNode other : disk.partitions()) {
      if (start < other.startSector() + other.sectors() && other.startSector() < start + size) {
        throw new IllegalArgumentException(name + " overlaps " + other.name());
      }
    }
    checkNewName(name);
    MajorMinor partitionNumber = partitionDeviceNumber(disk, number);
    BlockNode partition = new BlockNode(disk, name, partitionNumber, number, start, size);
    nodes.put(name, partition);
    return partition;
  }

  /** Where the next partition of {@code disk} starts by default: after the last, 1 MiB aligned. */
  public long nextPartitionStartBytes(BlockNode disk) {
    long mib = 1L << 20;
    long end =
        disk.partitions().stream()
            .mapToLong(p -> (p.startSector() + p.sectors()) * SECTOR)
            .max()
            .orElse(mib);
    return (end + mib - 1) / mib * mib;
  }

  /**
   * Adds device-mapper device {@code dm-<next>} named {@code dmName} with {@code dmUuid}, built on
   * {@code lowers}.
   */
  public BlockNode addDeviceMapper(String dmName, String dmUuid, long bytes, List<String> lowers) {
    if (!dmName.matches("[A-Za-z0-9#+.:=@_-]+")) {
      throw new IllegalArgumentException("not a valid device-mapper name: '" + dmName + "'");
    }
    if (nodes.containsKey(dmName)
        || nodes.values().stream().anyMatch(n -> n.dmName().filter(dmName::equals).isPresent())) {
      throw new IllegalArgumentException("a device called '" + dmName + "' already exists");
    }
    List<BlockNode> slaves = lowers(dmName, lowers);
    int minor = nextDeviceMapperMinor;
    BlockNode dm =
        virtual(
            "dm-" + minor,
            DeviceKind.DEVICE_MAPPER,
            new MajorMinor(DeviceNumbers.DEVICE_MAPPER_MAJOR, minor),
            bytes,
            false);
    nextDeviceMapperMinor++;
    dm.deviceMapper(dmName, dmUuid);
    slaves.forEach(dm::stackOn);
    return dm;
  }

  /** Adds md array {@code name} ({@code mdN}) of {@code level} over {@code members}. */
  public BlockNode addMd(String name, String level, String uuid, long bytes, List<String> members) {
    int number = DeviceNumbers.trailingNumber(name, "md");
    List<BlockNode> slaves = lowers(name, members);
    BlockNode md =
        virtual(name, DeviceKind.MD, new MajorMinor(DeviceNumbers.MD_MAJOR, number), bytes, false);
    md.md(level, uuid);
    slaves.forEach(md::stackOn);
    return md;
  }

  private List<BlockNode> lowers(String upper, List<String> names) {
    if (names.isEmpty()) {
      throw new IllegalArgumentException(upper + " must be built on at least one device");
    }
    List<BlockNode> out = new ArrayList<>();
    for (String lowerName : names) {
      BlockNode lower = device(lowerName);
      if (out.contains(lower)) {
        throw new IllegalArgumentException(upper + " lists " + lower.name() + " twice");
      }
      if (!lower.partitions().isEmpty()) {
        throw new IllegalArgumentException(
            upper + " cannot use " + lower.name() + ": it has partitions; use one of them");
      }
      if (lower.sectors() == 0) {
        throw new IllegalArgumentException(upper + " cannot use " + lower.name() + ": it is empty");
      }
      out.add(lower);
    }
    return Collections.unmodifiableList(out);
  }

  private BlockNode virtual(
      String name, DeviceKind kind, MajorMinor number, long bytes, boolean mayBeEmpty) {
    return register(
        new BlockNode(
            name,
            kind,
            number,
            Layouts.virtualBlock(name),
            nextDiskseq,
            sectors(name, bytes, mayBeEmpty)));
  }

  private BlockNode register(BlockNode disk) {
    checkNewName(disk.name());
    for (BlockNode other : nodes.values()) {
      if (other.number().equals(disk.number())) {
        throw new IllegalArgumentException(
            disk.name() + " would get " + disk.number() + ", which " + other.name() + " has");
      }
    }
    nodes.put(disk.name(), disk);
    nextDiskseq++;
    return disk;
  }

  private void checkNewName(String name) {
    if (nodes.containsKey(name)) {
      throw new IllegalArgumentException("a device called '" + name + "' already exists");
    }
  }

  private void checkPartitionable(BlockNode disk) {
    switch (disk.kind()) {
      case SCSI_DISK, VIRTIO, XEN, NVME, MD -> {}
      case DEVICE_MAPPER ->
          throw new IllegalArgumentException(
              disk.name()
                  + " is a device-mapper device: the kernel does not partition it; add a dmPartition");
      default ->
          throw new IllegalArgumentException(
              disk.name() + " (" + disk.kind() + ") cannot be partitioned");
    }
  }

  private MajorMinor partitionDeviceNumber(BlockNode disk, int number) {
    boolean ownRange =
        switch (disk.kind()) {
          case SCSI_DISK, VIRTIO, XEN -> number < DeviceNumbers.MINORS_PER_DISK;
          default -> false;
        };
    if (ownRange) {
      return new MajorMinor(disk.number().major(), disk.number().minor() + number);
    }
    return new MajorMinor(DeviceNumbers.BLOCK_EXT_MAJOR, nextBlockExtMinor++);
  }

  private int freeTarget(int host) {
    for (int target = 0; ; target++) {
      if (!scsiAddresses.containsKey(host + ":0:" + target + ":0")) {
        return target;
      }
    }
  }

  private BlockNode nvmeSibling(BlockNode namespace) {
    return nvmeControllerNamespaces(namespace).stream()
        .filter(n -> n != namespace)
        .findFirst()
        .orElse(null);
  }

  private List<BlockNode> nvmeControllerNamespaces(BlockNode namespace) {
    int controller = DeviceNumbers.nvmeController(namespace.name());
    return nodes.values().stream()
        .filter(n -> n.kind() == DeviceKind.NVME)
        .filter(n -> DeviceNumbers.nvmeController(n.name()) == controller)
        .toList();
  }

  private static long sectors(String what, long bytes, boolean mayBeZero) {
    if (bytes < 0 || (bytes == 0 && !mayBeZero)) {
      throw new IllegalArgumentException(what + ": size must be positive, got " + bytes);
    }
    if (bytes % SECTOR != 0) {
      throw new IllegalArgumentException(
          what + ": " + bytes + " bytes is not a whole number of 512-byte sectors");
    }
    return bytes / SECTOR;
  }

  private static String label(BlockNode node) {
    return node.dmName().map(n -> node.name() + " (" + n + ")").orElse(node.name());
  }
}
