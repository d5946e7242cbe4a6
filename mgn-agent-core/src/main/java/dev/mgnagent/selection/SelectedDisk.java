package dev.mgnagent.selection;

import java.util.Objects;
import java.util.Set;

/**
 * One entry of a {@link Selection}: the device path to hand to the installer, its size and why it
 * is there.
 *
 * @param path the whole disk's path ({@code /dev/sda}), or with {@code --force-volumes} the path
 *     exactly as listed
 * @param name the kernel name of that device
 * @param sizeBytes its size in bytes
 * @param reasons why it is selected, in {@link SelectionReason} order
 */
public record SelectedDisk(String path, String name, long sizeBytes, Set<SelectionReason> reasons) {

  public SelectedDisk {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(name, "name");
    reasons = Set.copyOf(reasons);
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("a selected disk needs a reason");
    }
  }

  /** The reasons in their declared order, for display. */
  public java.util.List<SelectionReason> orderedReasons() {
    return java.util.Arrays.stream(SelectionReason.values()).filter(reasons::contains).toList();
  }
}
