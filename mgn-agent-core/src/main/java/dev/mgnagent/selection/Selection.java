package dev.mgnagent.selection;

import dev.mgnagent.Warning;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The disks to replicate, in inventory order (with {@code --force-volumes}, in the order listed),
 * each with its reasons, and warnings about the selection.
 *
 * @param disks the selected disks; never empty when a root disk is known
 * @param warnings what MGN may refuse or what deserves a look
 * @param forced whether the paths are {@code --force-volumes} paths, passed to the installer as
 *     given
 */
public record Selection(List<SelectedDisk> disks, List<Warning> warnings, boolean forced) {

  public Selection {
    disks = List.copyOf(Objects.requireNonNull(disks, "disks"));
    warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
  }

  /**
   * The paths, comma-separated, as the installer's {@code --devices} and its disk prompt take them.
   */
  public String devicesArgument() {
    return disks.stream().map(SelectedDisk::path).collect(Collectors.joining(","));
  }

  /** The selected paths in order. */
  public List<String> paths() {
    return disks.stream().map(SelectedDisk::path).toList();
  }
}
