package dev.mgnagent.testkit.junit.internal;

import dev.mgnagent.testkit.junit.EnabledIfPython3;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Supplier;

/** The condition behind {@link EnabledIfPython3}: an executable {@code python3} on the PATH. */
public final class Python3Condition extends ProbeCondition {

  /** Looks at this process's {@code PATH}; created by JUnit. */
  public Python3Condition() {
    this(() -> System.getenv("PATH"));
  }

  Python3Condition(Supplier<String> pathVariable) {
    super(
        () -> onPath("python3", pathVariable.get()),
        "python3 is on the PATH",
        "python3 is not on the PATH");
  }

  /** Whether {@code program} is an executable file in a directory of {@code pathVariable}. */
  static boolean onPath(String program, String pathVariable) {
    if (pathVariable == null) {
      return false;
    }
    for (String directory : pathVariable.split(File.pathSeparator)) {
      if (directory.isEmpty()) {
        continue;
      }
      try {
        Path candidate = Path.of(directory, program);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return true;
        }
      } catch (InvalidPathException e) {
        // a malformed PATH entry holds no program
      }
    }
    return false;
  }
}
