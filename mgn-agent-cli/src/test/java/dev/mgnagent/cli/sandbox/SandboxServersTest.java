package dev.mgnagent.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.mgn.PartState;
import dev.mgnagent.mgn.ServiceInitialization;
import dev.mgnagent.mgn.ServiceRoleInitializer;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

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

  @Test
  void theSandboxIsInitializedThroughItsIamStsAndEc2WithItsAdminKeysOnly() throws Exception {
    Path host = FakeBlockDeviceScenarios.wholeDiskFilesystem().writeTo(temp.resolve("host"));
    try (SandboxServers sandbox = SandboxServers.start("eu-west-3", host)) {
      assertThat(sandbox.iam().accountId()).isEqualTo(sandbox.mgn().accountId());
      ServiceInitialization result =
          initializer(sandbox, sandbox.mgn().adminCredentials()).initialize();
      assertThat(result.complete()).isTrue();
      assertThat(sandbox.iam().role("AWSServiceRoleForApplicationMigrationService")).isPresent();
      assertThat(initializer(sandbox, sandbox.mgn().installerCredentials()).inspect().parts())
          .allSatisfy(p -> assertThat(p.state()).isEqualTo(PartState.UNKNOWN));
    }
  }

  private static ServiceRoleInitializer initializer(
      SandboxServers sandbox, AwsBasicCredentials keys) {
    return ServiceRoleInitializer.builder()
        .region(sandbox.mgn().region())
        .endpoint(sandbox.mgn().endpoint())
        .iamEndpoint(sandbox.iam().endpoint())
        .stsEndpoint(sandbox.sts().endpoint())
        .ec2Endpoint(sandbox.ec2().endpoint())
        .credentialsProvider(StaticCredentialsProvider.create(keys))
        .build();
  }
}
