package dev.mgnagent.testkit.disk;

import dev.mgnagent.testkit.disk.internal.BlockNode;
import dev.mgnagent.testkit.disk.internal.BlockTree;
import dev.mgnagent.testkit.disk.internal.DeviceKind;
import dev.mgnagent.testkit.disk.internal.DeviceNumbers;
import dev.mgnagent.testkit.disk.internal.FileEdit;
import dev.mgnagent.testkit.disk.internal.MountTable;
import dev.mgnagent.testkit.disk.internal.StableIds;
import dev.mgnagent.testkit.disk.internal.TreeFiles;
import dev.mgnagent.testkit.disk.internal.TreeWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a fake host root holding the block devices of a Linux machine exactly as the kernel and
 * udev lay them out: {@code sys/devices/...} with {@code sys/block}, {@code sys/class/block} and
 * {@code sys/dev/block} links, {@code dev/} nodes and links, {@code proc/self/mountinfo}, {@code
 * proc/partitions} and {@code proc/swaps}. Get one from {@link FakeBlockDevices#builder()}.
 *
 * <p>Devices are named by their kernel names, and get the numbers the kernel would give them:
 * {@code sda} 8:0, {@code sdb} 8:16, {@code vda} 254:0, {@code xvda} 202:0, NVMe namespaces and
 * their partitions the next blkext (259) minor, {@code dm-N} 253:N in creation order, {@code mdN}
 * 9:N. Add lower devices before the devices built on them, and devices before mounting them. Every
 * call checks its arguments at once and fails with a message that says what is wrong.
 *
 * <p>A builder writes any number of trees; it is not thread-safe.
 */
public final class FakeBlockDevicesBuilder {

  private static final String VG_OR_LV = "[A-Za-z0-9+_.][A-Za-z0-9+_.-]*";
  private static final long LUKS2_HEADER = 16L << 20;
  private static final long PV_METADATA = 1L << 20;

  private final BlockTree tree = new BlockTree();
  private final MountTable mounts = new MountTable();
  private final List<FileEdit> edits = new ArrayList<>();
  private final Map<BlockNode, String> volumeGroups = new HashMap<>();

  FakeBlockDevicesBuilder() {}

  /**
   * Adds a SCSI disk {@code sd<letters>} (SCSI, SAS, SATA or virtio-scsi) at the next free target
   * of SCSI host 0, reporting vendor {@code QEMU} and model {@code QEMU HARDDISK}.
   */
  public DiskBuilder scsiDisk(String name, long sizeBytes) {
    return disk(tree.addScsiDisk(name, sizeBytes));
  }

  /** Adds a virtio-blk disk {@code vd<letters>}: {@code device/vendor} is {@code 0x1af4}. */
  public DiskBuilder virtioDisk(String name, long sizeBytes) {
    return disk(tree.addVirtioDisk(name, sizeBytes));
  }

  /**
   * Adds NVMe namespace {@code nvme<C>n<N>} directly under controller {@code nvme<C>}, which holds
   * {@code model} and {@code serial}.
   */
  public DiskBuilder nvmeDisk(String name, long sizeBytes) {
    return disk(tree.addNvmeNamespace(name, sizeBytes));
  }

  /** Adds a Xen paravirtual disk {@code xvd<letter>} under {@code sys/devices/vbd-<N>}. */
  public DiskBuilder xenDisk(String name, long sizeBytes) {
    return disk(tree.addXenDisk(name, sizeBytes));
  }

  /**
   * Adds an empty SCSI optical drive {@code sr<N>} (removable, 11:N). Like an empty virtual drive
   * on common hypervisors it reports 2097151 sectors ({@code lsblk} shows 1024M).
   */
  public FakeBlockDevicesBuilder cdrom(String name) {
    return cdrom(name, 2097151L * Sizes.SECTOR);
  }

  /** Adds SCSI optical drive {@code sr<N>} holding a medium of {@code mediumBytes}. */
  public FakeBlockDevicesBuilder cdrom(String name, long mediumBytes) {
    tree.addCdrom(name, mediumBytes);
    return this;
  }

  /** Adds {@code loop<number>}, not bound to a file: size 0, no {@code loop/} directory. */
  public FakeBlockDevicesBuilder loop(int number) {
    tree.addLoop(number, null, 0, false);
    return this;
  }

  /** Adds {@code loop<number>} bound read-write to {@code backingFile} (an absolute path). */
  public FakeBlockDevicesBuilder loop(int number, String backingFile, long sizeBytes) {
    tree.addLoop(number, Objects.requireNonNull(backingFile, "backingFile"), sizeBytes, false);
    return this;
  }

  /** Adds {@code loop<number>} bound read-only to {@code backingFile}, as snapd binds snaps. */
  public FakeBlockDevicesBuilder readOnlyLoop(int number, String backingFile, long sizeBytes) {
    tree.addLoop(number, Objects.requireNonNull(backingFile, "backingFile"), sizeBytes, true);
    return this;
  }

  /** Adds {@code zram<number>} (252:N); size 0 means not initialized. */
  public FakeBlockDevicesBuilder zram(int number, long sizeBytes) {
    tree.addZram(number, sizeBytes);
    return this;
  }

  /** Adds brd RAM disk {@code ram<number>} (1:N). */
  public FakeBlockDevicesBuilder ramDisk(int number, long sizeBytes) {
    tree.addRam(number, sizeBytes);
    return this;
  }

  /**
   * Adds LVM logical volume {@code lv} of volume group {@code vg} as the next {@code dm-N}: dm name
   * {@code <vg>-<lv>} (dashes in either doubled), dm uuid {@code LVM-} plus 64 characters, {@code
   * /dev/mapper/<dm name>} and {@code /dev/<vg>/<lv>}. Its {@code slaves/} are the physical
   * volumes, which get {@code holders/} links back and an {@code lvm-pv-uuid-} by-id link.
   *
   * @param physicalVolumes kernel names of the PVs, such as {@code sda2}; a partitioned disk cannot
   *     be a PV, and a PV belongs to one volume group
   */
  public FakeBlockDevicesBuilder lvmVolume(
      String vg, String lv, long sizeBytes, String... physicalVolumes) {
    checkLvmName("volume group", vg);
    checkLvmName("logical volume", lv);
    if (physicalVolumes.length == 0) {
      throw new IllegalArgumentException(vg + "/" + lv + " needs at least one physical volume");
    }
    long capacity = 0;
    for (String pvName : physicalVolumes) {
      BlockNode pv = tree.device(pvName);
      String owner = volumeGroups.get(pv);
      if (owner != null && !owner.equals(vg)) {
        throw new IllegalArgumentException(pv.name() + " is a PV of volume group " + owner);
      }
      capacity += pv.sizeBytes() - PV_METADATA;
    }
    if (sizeBytes > capacity) {
      throw new IllegalArgumentException(
          vg
              + "/"
              + lv
              + " ("
              + sizeBytes
              + " bytes) is larger than its physical volumes ("
              + capacity
              + " bytes)");
    }
    String dmName = vg.replace("-", "--") + "-" + lv.replace("-", "--");
    String uuid =
        "LVM-"
            + StableIds.alphanumeric("vg:" + vg, 32)
            + StableIds.alphanumeric("lv:" + vg + "/" + lv, 32);
    BlockNode dm = tree.addDeviceMapper(dmName, uuid, sizeBytes, List.of(physicalVolumes));
    dm.lvmPath(vg + "/" + lv);
    for (BlockNode pv : dm.slaves()) {
      volumeGroups.put(pv, vg);
      if (pv.pvUuid().isEmpty()) {
        pv.pvUuid(StableIds.lvmPvUuid("pv:" + pv.name()));
      }
    }
    return this;
  }

  /**
   * Adds multipath map {@code name} (such as {@code mpatha}) as the next {@code dm-N}, over SCSI
   * disks that are paths to one LUN: dm uuid {@code mpath-<wwid>}, the size of the paths, and
   * udev's {@code dm-name-}, {@code dm-uuid-}, {@code scsi-<wwid>} and {@code wwn-} links. Paths
   * without a {@code device/wwid} get {@code naa.<wwid without its leading 3>}.
   *
   * @param wwid the SCSI id multipath uses, such as {@code 3600a098038303053453f463045727a41}
   * @param paths kernel names of the path disks, which must be unpartitioned and equally large
   */
  public FakeBlockDevicesBuilder multipath(String name, String wwid, String... paths) {
    if (!Objects.requireNonNull(wwid, "wwid").matches("[0-9a-f]{8,64}")) {
      throw new IllegalArgumentException("a multipath wwid is lower-case hex: '" + wwid + "'");
    }
    if (paths.length < 2) {
      throw new IllegalArgumentException("a multipath map needs at least two paths");
    }
    long size = -1;
    for (String pathName : paths) {
      BlockNode path = tree.device(pathName);
      if (path.kind() != DeviceKind.SCSI_DISK) {
        throw new IllegalArgumentException(path.name() + " is not a SCSI disk");
      }
      if (size >= 0 && path.sizeBytes() != size) {
        throw new IllegalArgumentException(
            "paths of one LUN have one size; "
                + path.name()
                + " has "
                + path.sizeBytes()
                + " bytes, not "
                + size);
      }
      size = path.sizeBytes();
    }
    BlockNode map = tree.addDeviceMapper(name, "mpath-" + wwid, size, List.of(paths));
    for (BlockNode path : map.slaves()) {
      if (path.wwid().isEmpty()) {
        path.wwid("naa." + (wwid.startsWith("3") ? wwid.substring(1) : wwid));
      }
    }
    return this;
  }

  /**
   * Adds partition {@code number} of device-mapper device {@code parent} as kpartx makes it: the
   * next {@code dm-N}, named {@code <parent><number>} ({@code <parent>p<number>} when the parent
   * name ends in a digit), dm uuid {@code part<number>-<parent uuid>}.
   */
  public FakeBlockDevicesBuilder dmPartition(
      String parent, int number, long startBytes, long sizeBytes) {
    BlockNode map = tree.device(parent);
    if (map.kind() != DeviceKind.DEVICE_MAPPER) {
      throw new IllegalArgumentException(map.name() + " is not a device-mapper device");
    }
    if (number < 1) {
      throw new IllegalArgumentException("partition numbers start at 1");
    }
    if (startBytes <= 0 || sizeBytes <= 0 || startBytes + sizeBytes > map.sizeBytes()) {
      throw new IllegalArgumentException("partition " + number + " does not fit on " + parent);
    }
    String dmName = DeviceNumbers.partitionName(map.dmName().orElseThrow(), number);
    String uuid = "part" + number + "-" + map.dmUuid().orElse("");
    tree.addDeviceMapper(dmName, uuid, sizeBytes, List.of(map.name()));
    return this;
  }

  /**
   * Adds dm-crypt (LUKS2) mapping {@code name} on {@code lowerDevice} as the next {@code dm-N}: dm
   * uuid {@code CRYPT-LUKS2-<32 hex>-<name>}, 16 MiB smaller than the lower device.
   */
  public FakeBlockDevicesBuilder crypt(String name, String lowerDevice) {
    BlockNode lower = tree.device(lowerDevice);
    if (lower.sizeBytes() <= LUKS2_HEADER) {
      throw new IllegalArgumentException(lower.name() + " is too small for a LUKS2 header");
    }
    String uuid = "CRYPT-LUKS2-" + StableIds.hex("luks:" + name, 32) + "-" + name;
    tree.addDeviceMapper(name, uuid, lower.sizeBytes() - LUKS2_HEADER, List.of(lowerDevice));
    return this;
  }

  /**
   * Adds md array {@code name} ({@code mdN}, 9:N) of {@code level} over {@code members}, with
   * {@code md/level}, {@code md/dev-<member>/block} links, {@code slaves/} and {@code holders/}.
   */
  public FakeBlockDevicesBuilder mdArray(String name, MdLevel level, String... members) {
    List<Long> sizes = new ArrayList<>();
    for (String member : members) {
      sizes.add(tree.device(member).sizeBytes());
    }
    long bytes = level.arrayBytes(sizes);
    tree.addMd(name, level.sysfsName(), StableIds.mdUuid("md:" + name), bytes, List.of(members));
    return this;
  }

  /**
   * Mounts {@code device} at {@code mountPoint}. The mountinfo line shows the device's number and
   * source ({@code /dev/mapper/<name>} for device-mapper), except that btrfs, like the kernel,
   * shows an anonymous {@code 0:N} number.
   *
   * @param mountPoint an absolute path; spaces are written as {@code \040}
   * @param device a kernel name ({@code vda2}, {@code md0}, {@code dm-0}) or a device-mapper name
   *     ({@code vg0-root})
   * @param fsType the file system type, such as {@code ext4}, {@code xfs}, {@code vfat}
   */
  public FakeBlockDevicesBuilder mount(String mountPoint, String device, String fsType) {
    mounts.mountBlock(mountPoint, "/", tree.device(device), fsType(fsType));
    return this;
  }

  /**
   * Bind-mounts directory {@code directory} of the file system on {@code device} at {@code
   * mountPoint}; mountinfo's root field shows {@code directory}, as for the {@code /etc/hosts} a
   * container runtime binds in.
   */
  public FakeBlockDevicesBuilder bindMount(
      String mountPoint, String device, String fsType, String directory) {
    mounts.mountBlock(mountPoint, directory, tree.device(device), fsType(fsType));
    return this;
  }

  /**
   * Mounts a file system without a block device ({@code tmpfs}, {@code nfs4}, ...) at {@code
   * mountPoint}, with the next anonymous {@code 0:N} number.
   */
  public FakeBlockDevicesBuilder pseudoMount(String mountPoint, String fsType, String source) {
    mounts.mountPseudo(
        mountPoint, fsType(fsType), Objects.requireNonNull(source, "source"), "rw,relatime", "rw");
    return this;
  }

  /**
   * Mounts a file system without a block device at {@code mountPoint} with these per-mount options
   * (mountinfo's sixth field), such as {@code rw,nosuid,nodev,noexec,relatime} for a hardened
   * {@code /tmp}.
   */
  public FakeBlockDevicesBuilder pseudoMount(
      String mountPoint, String fsType, String source, String mountOptions) {
    if (mountOptions == null || !mountOptions.matches("[a-z0-9_=.,-]+")) {
      throw new IllegalArgumentException("not mount options: '" + mountOptions + "'");
    }
    mounts.mountPseudo(
        mountPoint, fsType(fsType), Objects.requireNonNull(source, "source"), mountOptions, "rw");
    return this;
  }

  /** Mounts an overlay at {@code /} as Docker does for a container: no disk backs the root. */
  public FakeBlockDevicesBuilder overlayRoot() {
    String layer = "/var/lib/docker/overlay2/3f9c1e0b7a52d84c6e1f0a9b2d3c4e5f6a7b8c9d0e1f2a3b4c5d";
    mounts.mountPseudo(
        "/",
        "overlay",
        "overlay",
        "rw,relatime",
        "rw,lowerdir=/var/lib/docker/overlay2/l/QW3KZJ5N2XH7RV6L4TBY:"
            + "/var/lib/docker/overlay2/l/M8PD2F6QJ1CN7WS3EVAK,upperdir="
            + layer
            + "/diff,workdir="
            + layer
            + "/work,nouserxattr");
    return this;
  }

  /** Activates {@code device} as swap with {@code priority}; it appears in {@code proc/swaps}. */
  public FakeBlockDevicesBuilder swap(String device, int priority) {
    mounts.swap(tree.device(device), priority);
    return this;
  }

  /**
   * After the tree is written, writes {@code content} to {@code relativePath}, creating or
   * replacing it: the escape hatch for trees no builder method makes.
   */
  public FakeBlockDevicesBuilder writeFile(String relativePath, String content) {
    edits.add(
        new FileEdit(
            FileEdit.Kind.WRITE,
            TreeFiles.checkRelative(relativePath),
            Objects.requireNonNull(content, "content").getBytes(StandardCharsets.UTF_8)));
    return this;
  }

  /**
   * After the tree is written, replaces the content of file {@code relativePath}, which the tree
   * must have (links are followed, so {@code sys/block/sdb/size} works); for error tests such as
   * {@code corruptFile("sys/block/sdb/size", "garbage")}. {@link #writeTo} fails if there is no
   * such file.
   */
  public FakeBlockDevicesBuilder corruptFile(String relativePath, String content) {
    edits.add(
        new FileEdit(
            FileEdit.Kind.CORRUPT,
            TreeFiles.checkRelative(relativePath),
            Objects.requireNonNull(content, "content").getBytes(StandardCharsets.UTF_8)));
    return this;
  }

  /**
   * After the tree is written, removes {@code relativePath} (a file, a link without following it,
   * or a whole directory). {@link #writeTo} fails if there is no such entry.
   */
  public FakeBlockDevicesBuilder remove(String relativePath) {
    edits.add(
        new FileEdit(FileEdit.Kind.REMOVE, TreeFiles.checkRelative(relativePath), new byte[0]));
    return this;
  }

  /**
   * Writes the tree into {@code directory}, which must be missing or empty, then applies the edits
   * in the order they were added.
   *
   * @return the host root (absolute), to hand to the code under test
   * @throws IllegalStateException if nothing is mounted at {@code /}, or a mounted or swap device
   *     has partitions or devices built on it
   */
  public Path writeTo(Path directory) {
    return TreeWriter.write(
        tree, mounts, List.copyOf(edits), Objects.requireNonNull(directory, "directory"));
  }

  private DiskBuilder disk(BlockNode disk) {
    return new DiskBuilder(this, tree, disk);
  }

  private static String fsType(String fsType) {
    if (fsType == null || !fsType.matches("[a-z0-9][a-z0-9._-]*")) {
      throw new IllegalArgumentException("not a file system type: '" + fsType + "'");
    }
    return fsType;
  }

  private static void checkLvmName(String what, String name) {
    if (name == null || !name.matches(VG_OR_LV)) {
      throw new IllegalArgumentException("not a valid LVM " + what + " name: '" + name + "'");
    }
  }
}
