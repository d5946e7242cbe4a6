package dev.mgnagent.testkit.disk.internal;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes a whole fake host root: {@code sys/}, {@code dev/}, {@code proc/} (with {@code proc/self}
 * a link to a pid directory, as on a real host), then the edits.
 */
public final class TreeWriter {

  /** The pid {@code proc/self} points at. */
  public static final String SELF_PID = "4242";

  private TreeWriter() {}

  /**
   * Writes everything under {@code root}, which must be missing or an empty directory.
   *
   * @return {@code root}, absolute
   */
  public static Path write(BlockTree tree, MountTable mounts, List<FileEdit> edits, Path root) {
    mounts.checkAgainst(tree);
    TreeFiles files = TreeFiles.createRoot(root);
    Path target = files.root();
    List<BlockNode> nodes = tree.nodesInKernelOrder();
    new SysfsWriter(files).write(nodes);
    new DevWriter(files).write(nodes);
    Path proc = Path.of("proc");
    Path self = proc.resolve(SELF_PID);
    files.text(self.resolve("mountinfo"), Mountinfo.format(mounts.root(), mounts.mounts()));
    files.symlink(proc.resolve("self"), SELF_PID);
    files.text(proc.resolve("partitions"), ProcFiles.partitions(nodes));
    files.text(proc.resolve("swaps"), ProcFiles.swaps(mounts.swaps()));
    for (FileEdit edit : edits) {
      edit.apply(files);
    }
    return target;
  }
}
