package dev.mgnagent.cli.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mgnagent.cli.CliRun;
import dev.mgnagent.cli.sandbox.SandboxServers;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.disk.FakeBlockDevices;
import dev.mgnagent.testkit.installer.FakeInstallerFailure;
import dev.mgnagent.testkit.installer.FakeInstallerRun;
import dev.mgnagent.testkit.installer.PromptMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * {@code mgn-agent install} end to end in this JVM: against a sandbox started here (its endpoints
 * and keys passed as flags, exactly as against AWS), and with {@code --sandbox}.
 */
class InstallCommandTest {

  private static final long GIB = 1L << 30;

  @TempDir Path temp;

  private SandboxServers sandbox;
  private Path host;
  private AwsBasicCredentials keys;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void start() {
    host =
        FakeBlockDevices.builder()
            .scsiDisk("sda", 20 * GIB)
            .partition(1, GIB)
            .partition(2, 18 * GIB)
            .done()
            .nvmeDisk("nvme0n1", 50 * GIB)
            .alias("xvdf")
            .partition(1, 49 * GIB)
            .done()
            .scsiDisk("sdb", 30 * GIB)
            .done()
            .mount("/", "sda2", "ext4")
            .mount("/boot", "sda1", "ext4")
            .writeTo(temp.resolve("host"));
    sandbox = SandboxServers.start("eu-west-3", host);
    keys = sandbox.mgn().adminCredentials();
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private CliRun install(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "install",
                "--region",
                "eu-west-3",
                "--endpoint",
                sandbox.mgn().endpoint().toString(),
                "--s3-endpoint",
                sandbox.bucket().endpoint().toString(),
                "--skip-preflight",
                "--aws-access-key-id",
                keys.accessKeyId(),
                "--aws-secret-access-key",
                keys.secretAccessKey(),
                "--iam-endpoint",
                sandbox.iam().endpoint().toString(),
                "--sts-endpoint",
                sandbox.sts().endpoint().toString(),
                "--ec2-endpoint",
                sandbox.ec2().endpoint().toString(),
                "--initialize-service",
                "--no-prompt",
                "--host-root",
                host.toString()));
    args.addAll(List.of(extra));
    // plain-http endpoints outside --sandbox: the digest of the flavor that runs is pinned
    args.addAll(
        List.of(
            "--sha512",
            sandbox
                .bucket()
                .sha512(
                    args.contains("python")
                        ? dev.mgnagent.installer.InstallerFlavor.PYTHON
                        : dev.mgnagent.installer.InstallerFlavor.BINARY)));
    return CliRun.withEnvironment(Map.of("HOME", temp.toString()), args.toArray(String[]::new));
  }

  private List<JsonNode> events(CliRun run) throws IOException {
    List<JsonNode> events = new ArrayList<>();
    for (String line : run.out().strip().split("\n")) {
      events.add(json.readTree(line));
    }
    return events;
  }

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
