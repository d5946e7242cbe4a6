package dev.mgnagent.testkit.junit.internal;

import dev.mgnagent.testkit.junit.EnabledIfScript;
import java.nio.file.Files;
import java.nio.file.Path;

/** The condition behind {@link EnabledIfScript}: util-linux {@code script} at {@code /usr/bin}. */
public final class ScriptCondition extends ProbeCondition {

  /** Looks for {@code /usr/bin/script}; created by JUnit. */
  public ScriptCondition() {
    this(Path.of("/usr/bin/script"));
  }

  ScriptCondition(Path script) {
    super(
        () -> Files.isRegularFile(script) && Files.isExecutable(script),
        script + " is executable",
        "util-linux script is not installed (" + script + ")");
  }
}
