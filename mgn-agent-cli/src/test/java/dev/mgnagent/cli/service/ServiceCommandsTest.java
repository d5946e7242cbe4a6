package dev.mgnagent.cli.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mgnagent.cli.CliRun;
import dev.mgnagent.testkit.aws.FakeEc2;
import dev.mgnagent.testkit.aws.FakeIam;
import dev.mgnagent.testkit.aws.FakeSts;
import dev.mgnagent.testkit.mgn.FakeMgn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.mgn.model.DataReplicationState;

/**
 * {@code init-service} and {@code status} in-process against the fake MGN, with the fake IAM, STS
 * and EC2 of the same account for the initialization.
 */
class ServiceCommandsTest {

  @TempDir Path temp;

  private FakeIam iam;
  private FakeSts sts;
  private FakeEc2 ec2;
  private FakeMgn mgn;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void start() {
    startWith(false);
  }

  private void startWith(boolean noDefaultVpc) {
    iam = FakeIam.builder().build().start();
    sts = FakeSts.builder().region("eu-west-3").build().start();
    FakeEc2.Builder e = FakeEc2.builder().region("eu-west-3");
    if (noDefaultVpc) {
      e.noDefaultVpc();
    }
    ec2 = e.build().start();
    mgn = FakeMgn.builder().region("eu-west-3").iam(iam).build().start();
    for (AwsBasicCredentials keys : List.of(mgn.adminCredentials(), mgn.installerCredentials())) {
      boolean admin = keys == mgn.adminCredentials();
      iam.addCredentials(keys, admin ? Set.of("iam:*") : Set.of());
      sts.addCredentials(keys);
      ec2.addCredentials(keys, admin ? Set.of("ec2:*") : Set.of());
    }
  }

  @AfterEach
  void stop() {
    mgn.close();
    ec2.close();
    sts.close();
    iam.close();
  }

  private Map<String, String> keys(AwsBasicCredentials credentials) {
    return Map.of(
        "AWS_ACCESS_KEY_ID",
        credentials.accessKeyId(),
        "AWS_SECRET_ACCESS_KEY",
        credentials.secretAccessKey(),
        "HOME",
        temp.toString());
  }

  private CliRun run(Map<String, String> environment, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--region", "eu-west-3", "--endpoint", mgn.endpoint().toString()));
    if (args[0].equals("init-service")) {
      all.addAll(
          List.of(
              "--iam-endpoint",
              iam.endpoint().toString(),
              "--sts-endpoint",
              sts.endpoint().toString(),
              "--ec2-endpoint",
              ec2.endpoint().toString()));
    }
    return CliRun.withEnvironment(environment, all.toArray(String[]::new));
  }

  @Test
  void initServiceCreatesWhatIsMissingAndSaysWhichCredentials() {
    CliRun run = run(keys(mgn.adminCredentials()), "init-service");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "created: role AWSApplicationMigrationAgentRole (/service-role/)",
            "created: InitializeService",
            "created: replication configuration template rct-",
            "created: launch configuration template lct-",
            "the default VPC",
            "default subnet in eu-west-3a",
            "note: AWSApplicationMigrationFsxProxyLinkRole has no managed policy"
                + " AWSApplicationMigrationFSxProxyVPCPolicy");
    assertThat(run.out()).contains("MGN is initialized in eu-west-3: created");
    assertThat(run.out())
        .contains("credentials: AWS_ACCESS_KEY_ID " + mgn.adminCredentials().accessKeyId());
    assertThat(run.out()).doesNotContain(mgn.adminCredentials().secretAccessKey());
    assertThat(mgn.isInitialized()).isTrue();
    assertThat(iam.roles()).hasSize(9);
  }

  @Test
  void aSecondInitServiceCreatesNothing() {
    run(keys(mgn.adminCredentials()), "init-service");

    CliRun second = run(keys(mgn.adminCredentials()), "init-service");

    assertThat(second.exitCode()).isZero();
    assertThat(second.out())
        .doesNotContain("created:")
        .contains("MGN is initialized in eu-west-3: nothing was missing");
  }

  @Test
  void checkListsEveryPartAndChangesNothing() {
    CliRun before = run(keys(mgn.adminCredentials()), "init-service", "--check");

    assertThat(before.exitCode()).isEqualTo(1);
    assertThat(before.out().lines().filter(l -> l.startsWith("missing: "))).hasSize(11);
    assertThat(before.out())
        .contains(
            "missing: role AWSApplicationMigrationReplicationServerRole",
            "missing: service (InitializeService)",
            "missing: replication configuration template",
            "missing: launch configuration template");
    assertThat(iam.roles()).isEmpty();
    assertThat(mgn.isInitialized()).isFalse();

    run(keys(mgn.adminCredentials()), "init-service");
    CliRun after = run(keys(mgn.adminCredentials()), "init-service", "--check");

    assertThat(after.exitCode()).isZero();
    assertThat(after.out().lines().filter(l -> l.startsWith("present: "))).hasSize(11);
  }

  @Test
  void checkWithInstallerKeysShowsUnknownParts() throws Exception {
    CliRun run = run(keys(mgn.installerCredentials()), "init-service", "--check", "--json");

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode doc = json.readTree(run.out());
    assertThat(doc.path("parts"))
        .hasSize(11)
        .allSatisfy(p -> assertThat(p.path("state").asText()).isEqualTo("UNKNOWN"));
  }

  @Test
  void initServiceJsonIsOneDocument() throws Exception {
    CliRun run = run(keys(mgn.adminCredentials()), "init-service", "--json");

    JsonNode doc = json.readTree(run.out());
    assertThat(doc.path("initialized").asBoolean()).isTrue();
    assertThat(doc.path("region").asText()).isEqualTo("eu-west-3");
    assertThat(doc.path("parts")).hasSize(11);
    assertThat(doc.path("created").size()).isGreaterThan(10);
  }

  @Test
  void initServiceWithInstallerKeysExitsOneNamingThePermissions() {
    CliRun run = run(keys(mgn.installerCredentials()), "init-service");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().lines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith("mgn-agent: IAM refused GetRole")
                    .contains("iam:CreateRole"));
  }

  @Test
  void withoutDefaultVpcTheStagingSubnetIsAsked() {
    stop();
    startWith(true);

    CliRun run = run(keys(mgn.adminCredentials()), "init-service");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no default VPC in eu-west-3", "--staging-subnet");

    CliRun given =
        run(
            keys(mgn.adminCredentials()),
            "init-service",
            "--staging-subnet",
            "subnet-0123456789abcdef0");
    assertThat(given.exitCode()).isZero();
    assertThat(given.out()).contains("staging subnet subnet-0123456789abcdef0, as given");
  }

  @Test
  void wrongSecretExitsOneWithOneLine() {
    AwsBasicCredentials wrong =
        AwsBasicCredentials.create(mgn.adminCredentials().accessKeyId(), "z".repeat(40));

    CliRun run = run(keys(wrong), "status");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().lines())
        .singleElement()
        .satisfies(line -> assertThat(line).contains("MGN rejected the request signature"));
    assertThat(run.err()).doesNotContain("z".repeat(40));
  }

  @Test
  void statusBeforeInitializationSaysSo() {
    CliRun run = run(keys(mgn.adminCredentials()), "status");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("MGN is not initialized in eu-west-3");
  }

  @Test
  void statusShowsEveryServerWithItsDisks() {
    run(keys(mgn.adminCredentials()), "init-service");
    String id =
        mgn.addSourceServer(
            s ->
                s.hostname("db-1")
                    .disk("/dev/sda", 8L << 30, 2L << 30)
                    .replicationState(DataReplicationState.INITIAL_SYNC));

    CliRun run = run(keys(mgn.adminCredentials()), "status");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(id)
        .contains("db-1")
        .contains("INITIAL_SYNC")
        .contains("/dev/sda")
        .contains("2.0 / 8.0 GiB (25%)");
  }

  @Test
  void statusJsonListsTheChosenServers() throws Exception {
    run(keys(mgn.adminCredentials()), "init-service");
    String wanted = mgn.addSourceServer(s -> s.hostname("a").disk("/dev/vda", 1L << 30, 0));
    mgn.addSourceServer(s -> s.hostname("b"));

    CliRun run =
        run(keys(mgn.adminCredentials()), "status", "--json", "--source-server-id", wanted);

    JsonNode servers = json.readTree(run.out()).path("servers");
    assertThat(servers).hasSize(1);
    assertThat(servers.get(0).path("sourceServerId").asText()).isEqualTo(wanted);
    assertThat(servers.get(0).path("disks").get(0).path("totalBytes").asLong()).isEqualTo(1L << 30);
  }

  @Test
  void malformedServerIdIsAnInvalidRequestBeforeAnyCall() {
    mgn.clearRequests();

    CliRun run = run(keys(mgn.adminCredentials()), "status", "--source-server-id", "s-short");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(mgn.requests()).isEmpty();
  }

  @Test
  void profileFromTheSharedCredentialsFileIsUsed() throws Exception {
    Path credentials = temp.resolve("credentials");
    Files.writeString(
        credentials,
        "[migration]\naws_access_key_id = "
            + mgn.adminCredentials().accessKeyId()
            + "\naws_secret_access_key = "
            + mgn.adminCredentials().secretAccessKey()
            + "\n");

    CliRun run =
        run(
            Map.of("AWS_SHARED_CREDENTIALS_FILE", credentials.toString(), "HOME", temp.toString()),
            "init-service",
            "--profile",
            "migration");
    assertThat(run.err()).isEmpty();

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("credentials: profile 'migration'");
  }

  @Test
  void unknownProfileIsAnInvalidRequest() {
    CliRun run = run(Map.of("HOME", temp.toString()), "status", "--profile", "nope");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--profile nope: no such profile");
  }

  @Test
  void plainHttpEndpointOffLoopbackIsRefused() {
    CliRun run =
        CliRun.withEnvironment(
            keys(mgn.adminCredentials()),
            "status",
            "--region",
            "eu-west-3",
            "--endpoint",
            "http://mgn.example.com");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("plain http:// is accepted only for loopback");
  }
}
