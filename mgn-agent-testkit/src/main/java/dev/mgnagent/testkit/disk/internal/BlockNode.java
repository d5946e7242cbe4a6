package dev.mgnagent.testkit.disk.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One fake block device (a whole disk or a partition) as the kernel knows it: its name, number,
 * sysfs directory and the facts its sysfs files and {@code /dev} links are rendered from. Mutable
 * while the tree is being built; rendered only when the tree is written.
 */
public final class BlockNode {

  private final String name;
  private final DeviceKind kind;
  private final MajorMinor number;
  private Path sysDir;
  private final int diskseq;
  private final BlockNode disk;
  private final int partitionNumber;
  private final long startSector;
  private long sectors;
  private boolean removable;
  private boolean readOnly;
  private Path deviceDir;
  private String vendor;
  private String model;
  private String serial;
  private String wwid;
  private String scsiAddress;
  private String dmName;
  private String dmUuid;
  private String lvmPath;
  private String pvUuid;
  private String mdLevel;
  private String mdUuid;
  private String loopBackingFile;
  private final List<BlockNode> partitions = new ArrayList<>();
  private final List<BlockNode> slaves = new ArrayList<>();
  private final List<BlockNode> holders = new ArrayList<>();
  private final List<String> byIds = new ArrayList<>();
  private final List<String> aliases = new ArrayList<>();

  /** A whole disk ({@code DEVTYPE=disk}). */
  public BlockNode(
      String name, DeviceKind kind, MajorMinor number, Path sysDir, int diskseq, long sectors) {
    this(name, kind, number, sysDir, diskseq, null, 0, 0, sectors);
    if (kind == DeviceKind.PARTITION) {
      throw new IllegalArgumentException("use the partition constructor");
    }
  }

  /** A partition of {@code disk} ({@code DEVTYPE=partition}), added to the disk's partitions. */
  public BlockNode(
      BlockNode disk,
      String name,
      MajorMinor number,
      int partitionNumber,
      long startSector,
      long sectors) {
    this(
        name,
        DeviceKind.PARTITION,
        number,
        Path.of(name),
        disk.diskseq,
        disk,
        partitionNumber,
        startSector,
        sectors);
    disk.partitions.add(this);
    disk.partitions.sort((a, b) -> Integer.compare(a.partitionNumber, b.partitionNumber));
  }

  private BlockNode(
      String name,
      DeviceKind kind,
      MajorMinor number,
      Path sysDir,
      int diskseq,
      BlockNode disk,
      int partitionNumber,
      long startSector,
      long sectors) {
    this.name = Objects.requireNonNull(name, "name");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.number = Objects.requireNonNull(number, "number");
    this.sysDir = Objects.requireNonNull(sysDir, "sysDir");
    this.diskseq = diskseq;
    this.disk = disk;
    this.partitionNumber = partitionNumber;
    this.startSector = startSector;
    this.sectors = sectors;
  }

  /** The kernel name, such as {@code sda1} or {@code dm-0}. */
  public String name() {
    return name;
  }

  /** The driver this device imitates; {@link DeviceKind#PARTITION} for partitions. */
  public DeviceKind kind() {
    return kind;
  }

  /** The driver of the whole disk: the kind of the disk for a partition, else {@link #kind()}. */
  public DeviceKind diskKind() {
    return disk == null ? kind : disk.kind;
  }

  /** The device number. */
  public MajorMinor number() {
    return number;
  }

  /** The real sysfs directory, relative to the host root ({@code sys/devices/...}). */
  public Path sysDir() {
    return disk == null ? sysDir : disk.sysDir().resolve(name);
  }

  /** Moves a whole disk to another bus address; its partitions move with it. */
  public void relocate(Path newSysDir, Path newDeviceDir) {
    if (disk != null) {
      throw new IllegalStateException("a partition moves with its disk");
    }
    this.sysDir = Objects.requireNonNull(newSysDir, "newSysDir");
    this.deviceDir = newDeviceDir;
  }

  /** The kernel's disk sequence number (shared by a disk and its partitions). */
  public int diskseq() {
    return diskseq;
  }

  /** Whether this is a partition rather than a whole disk. */
  public boolean isPartition() {
    return disk != null;
  }

  /** The disk a partition belongs to. */
  public Optional<BlockNode> disk() {
    return Optional.ofNullable(disk);
  }

  /** The partition number (0 for whole disks). */
  public int partitionNumber() {
    return partitionNumber;
  }

  /** The first sector of a partition on its disk (0 for whole disks). */
  public long startSector() {
    return startSector;
  }

  /** The size in 512-byte sectors. */
  public long sectors() {
    return sectors;
  }

  /** Changes the size in 512-byte sectors. */
  public void sectors(long value) {
    this.sectors = value;
  }

  /** The size in bytes. */
  public long sizeBytes() {
    return sectors * 512L;
  }

  /** Whether the kernel flags the medium as removable. */
  public boolean removable() {
    return removable;
  }

  /** Sets the removable flag. */
  public void removable(boolean value) {
    this.removable = value;
  }

  /** Whether the device is read-only. */
  public boolean readOnly() {
    return readOnly;
  }

  /** Sets the read-only flag. */
  public void readOnly(boolean value) {
    this.readOnly = value;
  }

  /** The parent device directory the {@code device} link points at, relative to the root. */
  public Optional<Path> deviceDir() {
    return Optional.ofNullable(deviceDir);
  }

  /** Sets the parent device directory. */
  public void deviceDir(Path value) {
    this.deviceDir = value;
  }

  /** The vendor as the device reports it, unpadded. */
  public Optional<String> vendor() {
    return Optional.ofNullable(vendor);
  }

  /** Sets the vendor. */
  public void vendor(String value) {
    this.vendor = value;
  }

  /** The model as the device reports it, unpadded. */
  public Optional<String> model() {
    return Optional.ofNullable(model);
  }

  /** Sets the model. */
  public void model(String value) {
    this.model = value;
  }

  /** The serial number. */
  public Optional<String> serial() {
    return Optional.ofNullable(serial);
  }

  /** Sets the serial number. */
  public void serial(String value) {
    this.serial = value;
  }

  /** A SCSI device's world-wide id as in {@code device/wwid} ({@code naa.600a...}). */
  public Optional<String> wwid() {
    return Optional.ofNullable(wwid);
  }

  /** Sets the SCSI world-wide id. */
  public void wwid(String value) {
    this.wwid = value;
  }

  /** A SCSI device's host:channel:target:lun. */
  public Optional<String> scsiAddress() {
    return Optional.ofNullable(scsiAddress);
  }

  /** Sets the SCSI address. */
  public void scsiAddress(String value) {
    this.scsiAddress = value;
  }

  /** A device-mapper device's name ({@code dm/name}). */
  public Optional<String> dmName() {
    return Optional.ofNullable(dmName);
  }

  /** A device-mapper device's uuid ({@code dm/uuid}). */
  public Optional<String> dmUuid() {
    return Optional.ofNullable(dmUuid);
  }

  /** Sets a device-mapper device's name and uuid. */
  public void deviceMapper(String name, String uuid) {
    this.dmName = name;
    this.dmUuid = uuid;
  }

  /** An LVM volume's {@code <vg>/<lv>} path under {@code /dev}. */
  public Optional<String> lvmPath() {
    return Optional.ofNullable(lvmPath);
  }

  /** Sets an LVM volume's {@code <vg>/<lv>} path. */
  public void lvmPath(String value) {
    this.lvmPath = value;
  }

  /** The LVM physical volume uuid, when this device is a PV. */
  public Optional<String> pvUuid() {
    return Optional.ofNullable(pvUuid);
  }

  /** Sets the LVM physical volume uuid. */
  public void pvUuid(String value) {
    this.pvUuid = value;
  }

  /** An md array's level as in {@code md/level} ({@code raid1}). */
  public Optional<String> mdLevel() {
    return Optional.ofNullable(mdLevel);
  }

  /** An md array's uuid in mdadm's notation. */
  public Optional<String> mdUuid() {
    return Optional.ofNullable(mdUuid);
  }

  /** Sets an md array's level and uuid. */
  public void md(String level, String uuid) {
    this.mdLevel = level;
    this.mdUuid = uuid;
  }

  /** A bound loop device's backing file. */
  public Optional<String> loopBackingFile() {
    return Optional.ofNullable(loopBackingFile);
  }

  /** Sets a loop device's backing file. */
  public void loopBackingFile(String value) {
    this.loopBackingFile = value;
  }

  /** The partitions of a disk, by partition number. */
  public List<BlockNode> partitions() {
    return Collections.unmodifiableList(partitions);
  }

  /** The devices this one is built on ({@code slaves/}). */
  public List<BlockNode> slaves() {
    return Collections.unmodifiableList(slaves);
  }

  /** The devices built on this one ({@code holders/}). */
  public List<BlockNode> holders() {
    return Collections.unmodifiableList(holders);
  }

  /** Records that this device is built on {@code lower}, on both sides. */
  public void stackOn(BlockNode lower) {
    if (slaves.contains(lower)) {
      throw new IllegalArgumentException(name + " is already built on " + lower.name);
    }
    slaves.add(lower);
    lower.holders.add(this);
  }

  /** Extra {@code /dev/disk/by-id} names (partitions get {@code -partN} links automatically). */
  public List<String> byIds() {
    return Collections.unmodifiableList(byIds);
  }

  /** Adds a {@code /dev/disk/by-id} name. */
  public void addById(String id) {
    byIds.add(id);
  }

  /** Extra names directly under {@code /dev}, such as {@code xvda} for {@code nvme0n1}. */
  public List<String> aliases() {
    return Collections.unmodifiableList(aliases);
  }

  /** Adds a name directly under {@code /dev}. */
  public void addAlias(String alias) {
    aliases.add(alias);
  }

  /** The path a mount table names this device by: {@code /dev/mapper/<name>} for dm. */
  public String mountSource() {
    return dmName == null ? "/dev/" + name : "/dev/mapper/" + dmName;
  }

  @Override
  public String toString() {
    return name + " (" + number + ")";
  }
}
