package dev.mgnagent.cli.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mgnagent.cli.CliRun;
import dev.mgnagent.cli.sandbox.SandboxServers;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.installer.FakeInstallerRun;
import dev.mgnagent.testkit.installer.PromptMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code mgn-agent install} end to end in this JVM: against a sandbox started here (its endpoints
 * and keys passed as flags, exactly as against AWS), and with {@code --sandbox}.
 */
class InstallCommandTest extends InstallCommandFixture {

  @Test
  void installsWithKeysAndNoPromptAndPrintsTheSourceServerId() {
    CliRun run = install();

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Disk to replicate identified: /dev/sda of size 20 GiB")
        .contains("Disk to replicate identified: /dev/nvme0n1 of size 50 GiB")
        .containsPattern("The following is the source server ID: s-[0-9a-zA-Z]{17}\\.")
        .contains("The AWS Replication Agent was successfully installed.");
  }

  @Test
  void jsonPrintsOneEventPerLineEndingInAResult() throws IOException {
    CliRun run = install("--json");

    List<JsonNode> events = events(run);
    JsonNode result = events.get(events.size() - 1);
    assertThat(result.path("type").asText()).isEqualTo("result");
    assertThat(result.path("installed").asBoolean()).isTrue();
    assertThat(result.path("sourceServerId").asText()).matches("s-[0-9a-zA-Z]{17}");
    assertThat(events)
        .extracting(e -> e.path("type").asText())
        .contains(
            "stepStarted",
            "stepFinished",
            "installerStarted",
            "installerOutput",
            "promptAnswered",
            "installerFinished");
  }

  @Test
  void partitionsAndAliasesSelectTheirDisks() throws IOException {
    CliRun run = install("--json", "--devices", "/dev/xvdf, /dev/sda1");

    JsonNode result = events(run).get(events(run).size() - 1);
    assertThat(result.path("selectedDisks").toString())
        .isEqualTo("[\"/dev/nvme0n1\",\"/dev/sda\"]");
    assertThat(result.path("registeredDisks").toString())
        .isEqualTo("[\"/dev/nvme0n1\",\"/dev/sda\"]");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"python, GETPASS", "binary, GETPASS", "binary, MASKED_ON_STDOUT"})
  void everyFlavorAndPromptModeInstalls(String flavor, PromptMode mode) throws IOException {
    sandbox.close();
    Path other =
        FakeBlockDeviceScenarios.nitroNvme().writeTo(temp.resolve("nitro-" + flavor + "-" + mode));
    sandbox = SandboxServers.start("eu-west-3", other, b -> b.promptMode(mode));
    host = other;
    keys = sandbox.mgn().adminCredentials();

    CliRun run = install("--flavor", flavor, "--devices", "/dev/xvda");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out() + run.err()).contains("s-").doesNotContain(keys.secretAccessKey());
    assertThat(run.out() + run.err()).doesNotContain("check them before replicating");
    assertThat(sandbox.installer().runs()).extracting(r -> r.flavor()).containsExactly(flavor);
  }

  @Test
  void forceVolumesNeedsTheOptInAndThenPassesThePathsAsGiven() throws IOException {
    CliRun refused = install("--force-volumes", "--devices", "/dev/sda,/dev/sdb");
    CliRun forced =
        install(
            "--json",
            "--force-volumes",
            "--devices",
            "/dev/sda,/dev/sdb",
            "--allow-secret-on-command-line");

    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("--allow-secret-on-command-line");
    JsonNode result = events(forced).get(events(forced).size() - 1);
    assertThat(result.path("registeredDisks").toString()).isEqualTo("[\"/dev/sda\",\"/dev/sdb\"]");
    // the opt-in put the secret on the installer's argv; mgn-agent's own JSON, stderr and the
    // sandbox's run log show it nowhere
    assertThat(forced.out()).doesNotContain(keys.secretAccessKey());
    assertThat(forced.err()).doesNotContain(keys.secretAccessKey());
    assertThat(sandbox.installer().runs())
        .last()
        .satisfies(
            r ->
                assertThat(r.argv())
                    .containsSubsequence("--aws-secret-access-key", "****")
                    .doesNotContain(keys.secretAccessKey()));
  }

  @Test
  void dryRunPrintsTheCommandLineWithSecretsMaskedAndRunsNothing() {
    CliRun run = install("--dry-run", "--tags", "app=x");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("--aws-access-key-id " + keys.accessKeyId())
        .contains("--tags app=x")
        .doesNotContain(keys.secretAccessKey());
    assertThat(sandbox.installer().runs()).isEmpty();
  }

  @Test
  void invalidValuesExitTwoBeforeAnythingIsContacted() {
    sandbox.mgn().clearRequests();

    assertThat(install("--tags", "aws:owner=me").exitCode()).isEqualTo(2);
    assertThat(install("--devices", "/dev/sr9").exitCode()).isEqualTo(2);
    assertThat(install("--aws-access-key-id", "lowercase-key").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("install", "--region", "Mars-1", "--no-prompt").exitCode()).isEqualTo(2);
    assertThat(CliRun.of("install", "--no-prompt").err()).contains("--region is needed");
    assertThat(sandbox.mgn().requests()).isEmpty();
    assertThat(sandbox.installer().runs()).isEmpty();
  }

  @Test
  void theSecretAppearsNowhereWithDefaultSettings() throws IOException {
    CliRun text = install();
    CliRun jsonRun = install("--json");

    String secret = keys.secretAccessKey();
    assertThat(text.out() + text.err() + jsonRun.out() + jsonRun.err()).doesNotContain(secret);
    for (FakeInstallerRun run : sandbox.installer().runs()) {
      // the run log masks secret values, so the flags themselves must be absent
      assertThat(run.argv())
          .doesNotContain("--aws-secret-access-key", "--aws-session-token", "****");
      assertThat(String.join(" ", run.argv())).doesNotContain(secret);
    }
    assertThat(filesContaining(sandbox.directory(), secret)).isEmpty();
    assertThat(filesContaining(temp, secret)).isEmpty();
  }

  private static List<Path> filesContaining(Path root, String secret) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              f -> {
                try {
                  return Files.size(f) < 50_000_000
                      && new String(Files.readAllBytes(f)).contains(secret);
                } catch (IOException e) {
                  return false;
                }
              })
          .toList();
    }
  }

  @Test
  void sandboxInstallsOnAFakeHostAndChangesNothingElse() {
    Path host =
        FakeBlockDeviceScenarios.virtioWithSeparateBoot().writeTo(temp.resolve("sandbox-host"));

    CliRun run =
        CliRun.withEnvironment(
            Map.of("HOME", temp.toString()),
            "install",
            "--sandbox",
            "--no-prompt",
            "--no-watch",
            "--host-root",
            host.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Disk to replicate identified: /dev/vda of size 20 GiB")
        .contains("installed; source server s-");
  }
}
