package dev.mgnagent.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxServersTest {

  @TempDir Path temp;

  @Test
  void closingTheSandboxDeletesItsDirectoryAndNothingElse() throws Exception {
    Path host = FakeBlockDeviceScenarios.wholeDiskFilesystem().writeTo(temp.resolve("host"));
    Path directory;
    try (SandboxServers sandbox = SandboxServers.start("us-east-1", host)) {
      directory = sandbox.directory();
      Files.writeString(directory.resolve("installation-marker"), "x");
      assertThat(directory).isDirectory();
    }

    assertThat(directory).doesNotExist();
    assertThat(host.resolve("sys/block/vda/size")).exists();
  }
}
