package dev.mgnagent.cli.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.cli.CliRun;
import dev.mgnagent.cli.sandbox.SandboxServers;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.installer.FakeInstallerFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * {@code mgn-agent install} end to end in this JVM: tags on new and reinstalled servers, and how
 * each installer failure ends the command.
 */
class InstallTagsAndFailuresCommandTest extends InstallCommandFixture {

  @Test
  void tagsReachTheNewServerAndAReinstallKeepsItsId() throws IOException {
    CliRun first = install("--json", "--tags", "app=billing", "env=prod");
    String id = events(first).get(events(first).size() - 1).path("sourceServerId").asText();

    CliRun second = install("--json");

    assertThat(sandbox.mgn().sourceServer(id).orElseThrow().tags()).containsEntry("app", "billing");
    assertThat(events(second).get(events(second).size() - 1).path("sourceServerId").asText())
        .isEqualTo(id);
  }

  @Test
  void tagsOnAReinstallAreRefusedBeforeTheInstallerRunsByTheHostsMac() {
    install();

    CliRun again = install("--tags", "app=x");

    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err())
        .contains("this server (MAC 0A-40-F1-E8-B2-2D) is already registered")
        .contains("install again without tags");
    assertThat(sandbox.installer().runs()).hasSize(1);
  }

  @Test
  void aHostWhoseMacChangedIsANewSourceServerAndMayHaveTags() throws IOException {
    CliRun first = install();
    Files.writeString(host.resolve("sys/class/net/eth0/address"), "0a:40:f1:e8:b2:99\n");

    CliRun again = install("--tags", "app=x");

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(sandbox.mgn().sourceServers()).hasSize(2);
  }

  @Test
  void tagsOnAReinstallAreRefusedBeforeTheInstallerRunsWhenTheHostKnowsItsMac() throws IOException {
    Path named =
        FakeBlockDeviceScenarios.virtioWithSeparateBoot()
            .writeFile("sys/class/net/ens5/address", "02:5e:aa:10:20:30\n")
            .writeTo(temp.resolve("named"));
    try (SandboxServers own = SandboxServers.start("eu-west-3", named)) {
      AwsBasicCredentials ownKeys = own.mgn().adminCredentials();
      String[] base = {
        "install",
        "--region",
        "eu-west-3",
        "--endpoint",
        own.mgn().endpoint().toString(),
        "--s3-endpoint",
        own.bucket().endpoint().toString(),
        "--sha512",
        own.bucket().sha512(dev.mgnagent.installer.InstallerFlavor.BINARY),
        "--skip-preflight",
        "--aws-access-key-id",
        ownKeys.accessKeyId(),
        "--aws-secret-access-key",
        ownKeys.secretAccessKey(),
        "--iam-endpoint",
        own.iam().endpoint().toString(),
        "--sts-endpoint",
        own.sts().endpoint().toString(),
        "--ec2-endpoint",
        own.ec2().endpoint().toString(),
        "--initialize-service",
        "--no-prompt",
        "--host-root",
        named.toString()
      };
      CliRun first = CliRun.withEnvironment(Map.of("HOME", temp.toString()), base);
      List<String> again = new ArrayList<>(List.of(base));
      again.addAll(List.of("--tags", "app=x"));

      CliRun refused =
          CliRun.withEnvironment(Map.of("HOME", temp.toString()), again.toArray(String[]::new));

      assertThat(first.exitCode()).as(first.err()).isZero();
      assertThat(refused.exitCode()).isEqualTo(2);
      assertThat(refused.err())
          .contains("this server (MAC 02-5E-AA-10-20-30) is already registered" + " as s-");
      assertThat(own.installer().runs()).hasSize(1);
    }
  }

  @Test
  void eachInstallerFailureExitsOneWithItsTypedMessage() {
    Map<FakeInstallerFailure, String> expected =
        Map.of(
            FakeInstallerFailure.ACCOUNT_NOT_INITIALIZED, "run 'mgn-agent init-service'",
            FakeInstallerFailure.INVALID_CREDENTIALS, "could not validate the AWS credentials",
            FakeInstallerFailure.PREVIOUSLY_INSTALLED, "installed into another region or account",
            FakeInstallerFailure.KERNEL_HEADERS_MISSING, "install the kernel headers",
            FakeInstallerFailure.GCC_MISSING, "install gcc",
            FakeInstallerFailure.NOT_ROOT, "the installer needs root",
            FakeInstallerFailure.SILENT_EXIT, "ended without saying why");
    expected.forEach(
        (failure, message) -> {
          sandbox.installer().failWith(failure);
          CliRun run = install();
          assertThat(run.exitCode()).as(failure.name()).isEqualTo(1);
          assertThat(run.err()).as(failure.name()).contains(message);
        });
  }
}
