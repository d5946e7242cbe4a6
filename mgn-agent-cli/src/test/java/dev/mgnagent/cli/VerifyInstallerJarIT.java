package dev.mgnagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.testkit.installer.FakeInstallerBucket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code verify-installer} from the shaded jar, in a working directory, as users do. */
class VerifyInstallerJarIT {

  @TempDir Path workDir;

  @Test
  void writesTheDefaultFileNameInTheWorkingDirectoryAndRefusesToOverwriteIt() throws Exception {
    try (FakeInstallerBucket bucket = FakeInstallerBucket.builder().build().start()) {
      List<String> command =
          List.of(
              ChildJvm.java(),
              ChildJvm.C1_ONLY,
              "-jar",
              Path.of(System.getProperty("mgnagent.jar", "target/mgn-agent.jar"))
                  .toAbsolutePath()
                  .toString(),
              "verify-installer",
              "--region",
              "us-east-1",
              "--s3-endpoint",
              bucket.endpoint().toString(),
              "--sha512",
              bucket.sha512(dev.mgnagent.installer.InstallerFlavor.BINARY));

      Run first = run(command);
      Run second = run(command);

      Path installer = workDir.resolve("aws-replication-installer-init");
      assertThat(first.exitCode()).as(first.stderr()).isZero();
      assertThat(Files.readAllBytes(installer)).isEqualTo(bucket.installer(InstallerFlavor.BINARY));
      assertThat(Files.isExecutable(installer)).isTrue();
      assertThat(second.exitCode()).isEqualTo(2);
      assertThat(second.stderr()).contains("already exists").contains("--force");
    }
  }

  private record Run(int exitCode, String stderr) {}

  private Run run(List<String> command) throws Exception {
    Process process =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), stderr);
  }
}
