package dev.mgnagent.mgn.internal;

import dev.mgnagent.Warning;
import dev.mgnagent.disk.DevicePaths;
import dev.mgnagent.disk.Disk;
import dev.mgnagent.disk.Inventory;
import dev.mgnagent.mgn.DiskChange;
import dev.mgnagent.mgn.DiskReconciler;
import dev.mgnagent.mgn.MgnDisks;
import dev.mgnagent.mgn.ReconciledDisk;
import dev.mgnagent.mgn.Reconciliation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** {@link DiskReconciler} over an {@link Inventory}. */
public final class DefaultDiskReconciler implements DiskReconciler {
  static final String REINSTALL =
      "MGN's boot disk assignment is stale (NVMe re-enumeration):"
          + " isBootDisk cannot be changed, so disconnect and delete the source server, then"
          + " reinstall the agent";

  private final Inventory inventory;
  private final DevicePaths paths;

  public DefaultDiskReconciler(Inventory inventory, DevicePaths paths) {
    this.inventory = inventory;
    this.paths = paths;
  }

  @Override
  public Reconciliation reconcile(MgnDisks mgn) {
    Map<String, Long> replicated = new LinkedHashMap<>();
    mgn.replicated().forEach(d -> replicated.put(d.deviceName(), d.bytes()));
    Map<String, Long> reported = new LinkedHashMap<>();
    mgn.reported().forEach(d -> reported.put(d.deviceName(), d.bytes()));
    Set<String> hostBoot = new HashSet<>();
    (inventory.bootDisks().isEmpty() ? inventory.rootDisks() : inventory.bootDisks())
        .forEach(d -> hostBoot.add(d.name()));
    String mgnBoot = mgn.bootDisk().orElse(null);

    List<Warning> warnings = new ArrayList<>();
    boolean renamed = false;
    if (mgnBoot != null) {
      Optional<Disk> onHost = resolve(mgnBoot);
      if (onHost.isEmpty() || !hostBoot.contains(onHost.get().name())) {
        renamed = true;
        String now =
            hostBoot.isEmpty()
                ? "no disk it can name"
                : String.join(
                    ", ",
                    inventory.disks().stream()
                        .filter(d -> hostBoot.contains(d.name()))
                        .map(Disk::path)
                        .toList());
        warnings.add(
            new Warning(
                Warning.Code.BOOT_DISK_RENAMED,
                "MGN marks "
                    + mgnBoot
                    + " as the boot disk (isBootDisk), but the host now boots from "
                    + now
                    + (onHost.isPresent() ? " and " + mgnBoot + " is a data disk" : "")
                    + ": the NVMe names were re-enumerated after a reboot, so a launched instance would"
                    + " not boot; "
                    + REINSTALL));
      }
    } else if (!replicated.isEmpty()) {
      warnings.add(
          new Warning(
              Warning.Code.BOOT_DISK_UNCONFIRMED,
              mgn.bootDiskChecked()
                  ? "MGN marks no replicated disk as the boot disk (isBootDisk); check the source"
                      + " server's replication settings in the MGN console"
                  : "the boot disk could not be cross-checked: GetReplicationConfiguration was not"
                      + " read (the credentials need mgn:GetReplicationConfiguration)"));
    }

    List<ReconciledDisk> lines = new ArrayList<>();
    Set<String> matchedHost = new HashSet<>();
    Set<String> named = new LinkedHashMap<>(replicated).keySet();
    for (Map.Entry<String, Long> e : replicated.entrySet()) {
      String name = e.getKey();
      long mgnBytes = e.getValue() > 0 ? e.getValue() : reported.getOrDefault(name, 0L);
      Optional<Disk> host = resolve(name);
      boolean isMgnBoot = name.equals(mgnBoot);
      if (host.isEmpty()) {
        lines.add(line(DiskChange.DISCONNECTED, name, null, mgnBytes, false, isMgnBoot, renamed));
        continue;
      }
      Disk disk = host.get();
      matchedHost.add(disk.name());
      DiskChange change = disk.sizeBytes() == mgnBytes ? DiskChange.UNCHANGED : DiskChange.RESIZED;
      lines.add(
          line(change, name, disk, mgnBytes, hostBoot.contains(disk.name()), isMgnBoot, renamed));
    }
    for (Map.Entry<String, Long> e : reported.entrySet()) {
      if (named.contains(e.getKey())) {
        continue;
      }
      Optional<Disk> host = resolve(e.getKey());
      if (host.isEmpty()) {
        lines.add(
            line(DiskChange.DISCONNECTED, e.getKey(), null, e.getValue(), false, false, renamed));
      } else if (matchedHost.add(host.get().name())) {
        lines.add(
            line(
                DiskChange.NOT_REPLICATED,
                e.getKey(),
                host.get(),
                e.getValue(),
                hostBoot.contains(host.get().name()),
                false,
                renamed));
      }
    }
    for (Disk disk : inventory.disks()) {
      if (matchedHost.add(disk.name())) {
        lines.add(
            line(
                DiskChange.NOT_REPLICATED,
                null,
                disk,
                -1,
                hostBoot.contains(disk.name()),
                false,
                renamed));
      }
    }
    return new Reconciliation(lines, warnings);
  }

  private static ReconciledDisk line(
      DiskChange change,
      String mgnName,
      Disk host,
      long mgnBytes,
      boolean hostBoot,
      boolean mgnBoot,
      boolean renamed) {
    boolean bootMixup = renamed && (hostBoot || mgnBoot);
    return new ReconciledDisk(
        change,
        Optional.ofNullable(mgnName),
        Optional.ofNullable(host).map(Disk::path),
        mgnBytes < 0 ? OptionalLong.empty() : OptionalLong.of(mgnBytes),
        host == null ? OptionalLong.empty() : OptionalLong.of(host.sizeBytes()),
        hostBoot,
        mgnBoot,
        bootMixup ? REINSTALL : change.action());
  }

  /** The host disk a device name leads to, through the host's {@code /dev} aliases. */
  private Optional<Disk> resolve(String deviceName) {
    return paths.kernelName(deviceName).flatMap(inventory::disk);
  }
}
