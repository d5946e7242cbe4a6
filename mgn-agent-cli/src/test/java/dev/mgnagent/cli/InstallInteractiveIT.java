package dev.mgnagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.cli.sandbox.SandboxServers;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.junit.EnabledIfScript;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mgn-agent install} under a real pseudo-terminal ({@code script}), answering the prompts
 * like an operator: the transcript shows the access key ID, never the secret.
 */
class InstallInteractiveIT {

  @TempDir Path temp;

  @Test
  @EnabledIfScript
  void promptsOnATerminalWithoutEchoingTheSecret() throws Exception {
    Path host = FakeBlockDeviceScenarios.virtioWithSeparateBoot().writeTo(temp.resolve("host"));
    try (SandboxServers sandbox = SandboxServers.start("eu-west-3", host)) {
      String keyId = sandbox.mgn().adminCredentials().accessKeyId();
      String secret = sandbox.mgn().adminCredentials().secretAccessKey();
      String command =
          String.join(
              " ",
              ChildJvm.java(),
              ChildJvm.C1_ONLY,
              "-jar",
              Path.of(System.getProperty("mgnagent.jar", "target/mgn-agent.jar"))
                  .toAbsolutePath()
                  .toString(),
              "install",
              "--region",
              "eu-west-3",
              "--endpoint",
              sandbox.mgn().endpoint().toString(),
              "--s3-endpoint",
              sandbox.bucket().endpoint().toString(),
              "--sha512",
              sandbox.bucket().sha512(dev.mgnagent.installer.InstallerFlavor.BINARY),
              "--skip-preflight",
              "--iam-endpoint",
              sandbox.iam().endpoint().toString(),
              "--sts-endpoint",
              sandbox.sts().endpoint().toString(),
              "--ec2-endpoint",
              sandbox.ec2().endpoint().toString(),
              "--host-root",
              host.toString(),
              "--initialize-service",
              "--aws-access-key-id",
              keyId);
      PseudoTerminal.Transcript transcript = PseudoTerminal.installTypingSecret(command, secret);

      assertThat(transcript.exitCode()).as(transcript.text()).isZero();
      assertThat(transcript.text())
          .contains("using access key " + keyId)
          .doesNotContain(secret)
          .contains("Choose the disks you want to replicate. Your disks are: /dev/vda,/dev/vdb")
          .contains("Disk to replicate identified: /dev/vda of size 20 GiB");
    }
  }
}
