package dev.mgnagent.disk.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test fixtures: {@link RawBlockDevice}s as the reader would hand them over. */
final class RawDevices {

  private final String name;
  private final String sysfsPath;
  private final Map<String, String> files = new HashMap<>();
  private final Set<String> unreadable = new HashSet<>();
  private final List<String> slaves = new ArrayList<>();
  private final List<RawBlockDevice> partitions = new ArrayList<>();

  private RawDevices(String name, String sysfsPath, String dev, long sectors) {
    this.name = name;
    this.sysfsPath = sysfsPath;
    files.put("dev", dev + "\n");
    files.put("size", sectors + "\n");
    files.put("removable", "0\n");
    files.put("ro", "0\n");
  }

  static RawDevices device(String name, String dev, long sectors) {
    return new RawDevices(name, "sys/block/" + name, dev, sectors);
  }

  RawDevices file(String file, String content) {
    files.put(file, content);
    return this;
  }

  RawDevices withoutFile(String file) {
    files.remove(file);
    return this;
  }

  RawDevices unreadable(String file) {
    unreadable.add(file);
    return this;
  }

  RawDevices slaves(String... names) {
    slaves.addAll(List.of(names));
    return this;
  }

  RawDevices partition(String partName, String dev, int number, long start, long sectors) {
    RawDevices part = new RawDevices(partName, sysfsPath + "/" + partName, dev, sectors);
    part.files.remove("removable");
    part.files.put("partition", number + "\n");
    part.files.put("start", start + "\n");
    partitions.add(part.build());
    return this;
  }

  RawBlockDevice build() {
    return new RawBlockDevice(name, sysfsPath, files, unreadable, slaves, partitions);
  }
}
