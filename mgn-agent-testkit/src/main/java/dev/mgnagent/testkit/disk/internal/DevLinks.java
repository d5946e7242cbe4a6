package dev.mgnagent.testkit.disk.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The symlinks udev (and its usual rules packages) makes for a device, as paths relative to {@code
 * dev/}: {@code mapper/<name>}, {@code <vg>/<lv>}, {@code disk/by-id/...}, aliases such as Amazon
 * Linux's {@code xvda -> nvme0n1}, and {@code cdrom}.
 */
public final class DevLinks {

  private DevLinks() {}

  /** The links that point at {@code node}. */
  public static List<String> of(BlockNode node) {
    List<String> links = new ArrayList<>();
    if (node.isPartition()) {
      BlockNode disk = node.disk().orElseThrow();
      int n = node.partitionNumber();
      for (String alias : disk.aliases()) {
        links.add(DeviceNumbers.partitionName(alias, n));
      }
      for (String id : diskIds(disk)) {
        links.add("disk/by-id/" + id + "-part" + n);
      }
    } else {
      links.addAll(node.aliases());
      for (String id : diskIds(node)) {
        links.add("disk/by-id/" + id);
      }
      node.dmName().ifPresent(name -> links.add("mapper/" + name));
      node.lvmPath().ifPresent(links::add);
      if (node.kind() == DeviceKind.CDROM && node.name().equals("sr0")) {
        links.add("cdrom");
      }
    }
    node.pvUuid().ifPresent(uuid -> links.add("disk/by-id/lvm-pv-uuid-" + uuid));
    return links;
  }

  /** The by-id names of a whole disk; partitions get these plus {@code -part<N>}. */
  static List<String> diskIds(BlockNode disk) {
    List<String> ids = new ArrayList<>();
    switch (disk.kind()) {
      case NVME -> {
        // newer udev adds _<nsid>; the plain name stays with namespace 1 so namespaces of one
        // controller do not fight over it
        String id =
            "nvme-"
                + disk.model().orElse("").trim().replace(' ', '_')
                + "_"
                + disk.serial().orElse("");
        int nsid = DeviceNumbers.nvmeNamespace(disk.name());
        if (nsid == 1) {
          ids.add(id);
        }
        ids.add(id + "_" + nsid);
      }
      case VIRTIO ->
          disk.serial()
              .filter(s -> !s.isEmpty())
              .ifPresent(s -> ids.add("virtio-" + (s.length() > 20 ? s.substring(0, 20) : s)));
      case DEVICE_MAPPER -> {
        ids.add("dm-name-" + disk.dmName().orElseThrow());
        disk.dmUuid().filter(u -> !u.isEmpty()).ifPresent(u -> ids.add("dm-uuid-" + u));
        multipathWwid(disk)
            .ifPresent(
                wwid -> {
                  ids.add("scsi-" + wwid);
                  if (wwid.startsWith("3")) {
                    ids.add("wwn-0x" + wwid.substring(1));
                  }
                });
      }
      case MD -> ids.add("md-uuid-" + disk.mdUuid().orElseThrow());
      default -> {
        // SCSI and Xen disks get only the ids the test declares
      }
    }
    ids.addAll(disk.byIds());
    return ids;
  }

  private static java.util.Optional<String> multipathWwid(BlockNode dm) {
    return dm.dmUuid().filter(u -> u.startsWith("mpath-")).map(u -> u.substring("mpath-".length()));
  }
}
