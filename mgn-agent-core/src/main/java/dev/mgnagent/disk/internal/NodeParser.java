package dev.mgnagent.disk.internal;

import dev.mgnagent.Warning;
import dev.mgnagent.disk.BlockDevice;
import dev.mgnagent.disk.BlockDeviceRole;
import dev.mgnagent.disk.StackedDeviceType;
import dev.mgnagent.disk.internal.BlockDeviceNode.Role;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns a {@link RawBlockDevice} into a {@link BlockDeviceNode}, or into a left-out {@link
 * BlockDevice}: devices that are never disks (loop, ram, zram, optical, floppy, size 0) quietly,
 * devices with a file that cannot be parsed with a warning naming the file.
 */
final class NodeParser {

  private static final Pattern NEVER_A_DISK = Pattern.compile("(loop|ram|zram|sr|fd)\\d+");
  private static final int MAX_QUOTED = 40;

  private final Consumer<Warning> warnings;
  private final Consumer<BlockDevice> leftOut;

  NodeParser(Consumer<Warning> warnings, Consumer<BlockDevice> leftOut) {
    this.warnings = warnings;
    this.leftOut = leftOut;
  }

  static boolean isNeverADisk(String name) {
    return NEVER_A_DISK.matcher(name).matches();
  }

  /** A whole device from {@code sys/block}. */
  Optional<BlockDeviceNode> parseDevice(RawBlockDevice raw) {
    if (isNeverADisk(raw.name())) {
      return leaveOut(raw, BlockDeviceRole.NOT_A_DISK);
    }
    Optional<StackedDeviceType> stacked = stackedType(raw);
    Role role = stacked.isPresent() ? Role.STACKED : Role.DISK;
    if (raw.file("dm/uuid").map(u -> u.strip().startsWith("mpath-")).orElse(false)) {
      role = Role.MULTIPATH;
      stacked = Optional.empty();
    }
    return parse(raw, role, stacked, Optional.empty(), raw.slaves());
  }

  /** A partition directory of {@code parent}. */
  Optional<BlockDeviceNode> parsePartition(RawBlockDevice raw, String parent) {
    return parse(raw, Role.PARTITION, Optional.empty(), Optional.of(parent), List.of(parent));
  }

  private Optional<BlockDeviceNode> parse(
      RawBlockDevice raw,
      Role role,
      Optional<StackedDeviceType> stacked,
      Optional<String> parent,
      List<String> lower) {
    try {
      String majorMinor = required(raw, "dev", SysfsValues::majorMinor);
      long size = required(raw, "size", SysfsValues::sizeBytes);
      boolean removable = optional(raw, "removable", SysfsValues::flag).orElse(false);
      boolean readOnly = optional(raw, "ro", SysfsValues::flag).orElse(false);
      if (role == Role.PARTITION) {
        required(raw, "partition", SysfsValues::number);
        optional(raw, "start", SysfsValues::number);
      }
      if (size == 0) {
        return leaveOut(raw, BlockDeviceRole.NOT_A_DISK);
      }
      return Optional.of(
          new BlockDeviceNode(
              raw, role, stacked, majorMinor, size, removable, readOnly, parent, lower));
    } catch (UnusableFileException e) {
      warnings.accept(
          new Warning(
              Warning.Code.DEVICE_SKIPPED,
              "skipped /dev/"
                  + raw.name()
                  + ": "
                  + raw.sysfsPath()
                  + "/"
                  + e.file
                  + " "
                  + e.problem));
      return leaveOut(raw, BlockDeviceRole.UNREADABLE);
    }
  }

  private Optional<BlockDeviceNode> leaveOut(RawBlockDevice raw, BlockDeviceRole role) {
    leftOut.accept(new BlockDevice(raw.name(), "/dev/" + raw.name(), role, 0, List.of()));
    return Optional.empty();
  }

  private static Optional<StackedDeviceType> stackedType(RawBlockDevice raw) {
    if (raw.file("md/level").isPresent() || raw.name().matches("md\\d+")) {
      return Optional.of(StackedDeviceType.MD_RAID);
    }
    if (!raw.name().startsWith("dm-") && raw.file("dm/name").isEmpty()) {
      return Optional.empty();
    }
    String uuid = raw.trimmed("dm/uuid").orElse("");
    if (uuid.startsWith("LVM-")) {
      return Optional.of(StackedDeviceType.LVM);
    }
    if (uuid.startsWith("CRYPT-")) {
      return Optional.of(StackedDeviceType.CRYPT);
    }
    if (uuid.matches("part\\d+-.*")) {
      return Optional.of(StackedDeviceType.DM_PARTITION);
    }
    return Optional.of(StackedDeviceType.DEVICE_MAPPER);
  }

  private static <T> T required(RawBlockDevice raw, String file, Function<String, T> parser) {
    return optional(raw, file, parser)
        .orElseThrow(() -> new UnusableFileException(file, "is missing"));
  }

  private static <T> Optional<T> optional(
      RawBlockDevice raw, String file, Function<String, T> parser) {
    if (raw.unreadable().contains(file)) {
      throw new UnusableFileException(file, "could not be read");
    }
    Optional<String> content = raw.file(file);
    if (content.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parser.apply(content.get()));
    } catch (IllegalArgumentException e) {
      throw new UnusableFileException(file, e.getMessage() + " (" + quote(content.get()) + ")");
    }
  }

  private static String quote(String content) {
    String oneLine = content.strip().replaceAll("\\p{Cntrl}", "?");
    if (oneLine.length() > MAX_QUOTED) {
      oneLine = oneLine.substring(0, MAX_QUOTED) + "...";
    }
    return "'" + oneLine + "'";
  }

  /** A file of a device that stops the device from being used. */
  private static final class UnusableFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final String problem;

    UnusableFileException(String file, String problem) {
      super(file + " " + problem, null, false, false);
      this.file = file;
      this.problem = problem;
    }
  }
}
