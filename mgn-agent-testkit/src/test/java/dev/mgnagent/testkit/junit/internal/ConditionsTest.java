package dev.mgnagent.testkit.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.io.TempDir;

/** The execution conditions, against directories this test makes, both ways. */
class ConditionsTest {

  @TempDir Path temp;

  private Path file(String name, String permissions) throws Exception {
    Path file = Files.createDirectories(temp.resolve("bin")).resolve(name);
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    return file;
  }

  private static ConditionEvaluationResult evaluate(ProbeCondition condition) {
    return condition.evaluateExecutionCondition(null);
  }

  @Test
  void python3IsFoundInAnyDirectoryOfThePathWhenExecutable() throws Exception {
    file("python3", "rwxr-xr-x");
    String path =
        String.join(
            File.pathSeparator,
            temp.resolve("nowhere").toString(),
            "",
            temp.resolve("bin").toString());

    ConditionEvaluationResult result = evaluate(new Python3Condition(() -> path));

    assertThat(result.isDisabled()).isFalse();
    assertThat(result.getReason().orElseThrow()).contains("python3 is on the PATH");
  }

  @Test
  void python3ThatIsMissingNotExecutableOrADirectoryDisablesTheTest() throws Exception {
    String bin = temp.resolve("bin").toString();
    assertThat(evaluate(new Python3Condition(() -> temp.toString())).isDisabled()).isTrue();
    assertThat(evaluate(new Python3Condition(() -> null)).isDisabled()).isTrue();
    file("python3", "rw-r--r--");
    ConditionEvaluationResult notExecutable = evaluate(new Python3Condition(() -> bin));
    assertThat(notExecutable.isDisabled()).isTrue();
    assertThat(notExecutable.getReason().orElseThrow()).contains("python3 is not on the PATH");
    Files.createDirectories(temp.resolve("dir").resolve("python3"));
    assertThat(evaluate(new Python3Condition(() -> temp.resolve("dir").toString())).isDisabled())
        .isTrue();
  }

  @Test
  void scriptMustBeAnExecutableFile() throws Exception {
    Path script = file("script", "rwxr-xr-x");
    Path plain = file("plain", "rw-r--r--");

    assertThat(evaluate(new ScriptCondition(script)).isDisabled()).isFalse();
    assertThat(evaluate(new ScriptCondition(plain)).isDisabled()).isTrue();
    ConditionEvaluationResult missing = evaluate(new ScriptCondition(temp.resolve("none")));
    assertThat(missing.isDisabled()).isTrue();
    assertThat(missing.getReason().orElseThrow()).contains("util-linux script is not installed");
  }

  @Test
  void sysfsNeedsSysBlockToBeADirectory() throws Exception {
    Path sysBlock = Files.createDirectories(temp.resolve("sys/block"));

    assertThat(evaluate(new LinuxSysfsCondition(sysBlock)).isDisabled()).isFalse();
    ConditionEvaluationResult missing = evaluate(new LinuxSysfsCondition(temp.resolve("none")));
    assertThat(missing.isDisabled()).isTrue();
    assertThat(missing.getReason().orElseThrow()).contains("no sysfs block devices here");
  }
}
