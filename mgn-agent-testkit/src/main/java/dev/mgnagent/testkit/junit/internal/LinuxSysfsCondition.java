package dev.mgnagent.testkit.junit.internal;

import dev.mgnagent.testkit.junit.EnabledIfLinuxSysfs;
import java.nio.file.Files;
import java.nio.file.Path;

/** The condition behind {@link EnabledIfLinuxSysfs}: {@code /sys/block} is a directory. */
public final class LinuxSysfsCondition extends ProbeCondition {

  /** Looks at {@code /sys/block}; created by JUnit. */
  public LinuxSysfsCondition() {
    this(Path.of("/sys/block"));
  }

  LinuxSysfsCondition(Path sysBlock) {
    super(
        () -> Files.isDirectory(sysBlock),
        sysBlock + " is a directory",
        "no sysfs block devices here (" + sysBlock + " is not a directory)");
  }
}
