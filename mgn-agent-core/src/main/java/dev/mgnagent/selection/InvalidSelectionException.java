package dev.mgnagent.selection;

import dev.mgnagent.InvalidRequestException;
import java.util.List;

/**
 * The requested devices cannot be selected: a malformed list, a path that is not there, a device
 * that is not a disk, or a {@code --force-volumes} list without the root disk. Nothing was
 * selected. The message names every problem and lists the real disks.
 */
public class InvalidSelectionException extends InvalidRequestException {

  private static final long serialVersionUID = 1L;

  /** The message names this many problems; {@link #problems()} has all of them. */
  private static final int MAX_PROBLEMS_SHOWN = 5;

  private final List<String> problems;
  private final List<String> disks;

  public InvalidSelectionException(String parameter, List<String> problems, List<String> disks) {
    super(parameter, message(parameter, problems, disks));
    this.problems = List.copyOf(problems);
    this.disks = List.copyOf(disks);
  }

  private static String message(String parameter, List<String> problems, List<String> disks) {
    String available =
        disks.isEmpty()
            ? "this server has no disk MGN can replicate"
            : "the disks are: " + String.join(", ", disks);
    String shown =
        problems.size() <= MAX_PROBLEMS_SHOWN
            ? String.join("; ", problems)
            : String.join("; ", problems.subList(0, MAX_PROBLEMS_SHOWN))
                + "; and "
                + (problems.size() - MAX_PROBLEMS_SHOWN)
                + " more";
    return parameter + ": " + shown + " (" + available + ")";
  }

  /** Each problem, one sentence each, such as {@code '/dev/sdx' does not exist}. */
  public List<String> problems() {
    return problems;
  }

  /** The paths of the disks that can be selected. */
  public List<String> disks() {
    return disks;
  }
}
