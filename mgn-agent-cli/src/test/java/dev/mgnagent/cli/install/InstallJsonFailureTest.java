package dev.mgnagent.cli.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mgnagent.cli.CliRun;
import dev.mgnagent.cli.sandbox.SandboxServers;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.installer.FakeInstallerFailure;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code install --json} that fails: the error reporter ends the event stream with the result line,
 * {@code installed:false} with the error, and prints the same message as one line on stderr.
 */
class InstallJsonFailureTest {

  @TempDir Path temp;

  @Test
  void aCrashingInstallerEndsTheStreamWithAFailedResult() throws Exception {
    Path host = FakeBlockDeviceScenarios.virtioWithSeparateBoot().writeTo(temp.resolve("host"));
    try (SandboxServers sandbox = SandboxServers.start("eu-west-3", host)) {
      sandbox.installer().failWith(FakeInstallerFailure.CRASH);

      CliRun run =
          CliRun.withEnvironment(
              Map.of("HOME", temp.toString()),
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
              "--aws-access-key-id",
              sandbox.mgn().adminCredentials().accessKeyId(),
              "--aws-secret-access-key",
              sandbox.mgn().adminCredentials().secretAccessKey(),
              "--iam-endpoint",
              sandbox.iam().endpoint().toString(),
              "--sts-endpoint",
              sandbox.sts().endpoint().toString(),
              "--ec2-endpoint",
              sandbox.ec2().endpoint().toString(),
              "--initialize-service",
              "--no-prompt",
              "--host-root",
              host.toString(),
              "--json");

      assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
      List<String> lines = run.out().lines().toList();
      JsonNode result = new ObjectMapper().readTree(lines.get(lines.size() - 1));
      assertThat(result.path("type").asText()).isEqualTo("result");
      assertThat(result.path("installed").isBoolean()).isTrue();
      assertThat(result.path("installed").asBoolean()).isFalse();
      assertThat(result.path("error").path("type").asText()).isEqualTo("FAILED");
      String message = result.path("error").path("message").asText();
      assertThat(message).contains("aws_replication_agent_installer.log");
      assertThat(
              run.err()
                  .lines()
                  .filter(
                      l -> l.startsWith("mgn-agent: ") && !l.startsWith("mgn-agent: warning: ")))
          .containsExactly("mgn-agent: " + message);
    }
  }
}
