package dev.mgnagent.cli.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mgnagent.cli.CliRun;
import dev.mgnagent.testkit.mgn.FakeMgn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.mgn.model.DataReplicationState;

/** {@code init-service} and {@code status} in-process against the fake MGN. */
class ServiceCommandsTest {

  @TempDir Path temp;

  private FakeMgn mgn;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void start() {
    mgn = FakeMgn.builder().region("eu-west-3").build().start();
  }

  @AfterEach
  void stop() {
    mgn.close();
  }

  private Map<String, String> keys(AwsBasicCredentials credentials) {
    return Map.of("AWS_ACCESS_KEY_ID", credentials.accessKeyId(),
        "AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey(), "HOME", temp.toString());
  }

  private CliRun run(Map<String, String> environment, String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--region";
    all[args.length + 1] = "eu-west-3";
    all[args.length + 2] = "--endpoint";
    all[args.length + 3] = mgn.endpoint().toString();
    return CliRun.withEnvironment(environment, all);
  }

  @Test
  void initServiceInitializesAndSaysWhichCredentials() {
    CliRun run = run(keys(mgn.adminCredentials()), "init-service");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("MGN is initialized in eu-west-3");
    assertThat(run.out()).contains("credentials: AWS_ACCESS_KEY_ID " + mgn.adminCredentials().accessKeyId());
    assertThat(run.out()).doesNotContain(mgn.adminCredentials().secretAccessKey());
    assertThat(mgn.isInitialized()).isTrue();
  }

  @Test
  void initServiceJsonIsOneDocument() throws Exception {
    CliRun run = run(keys(mgn.adminCredentials()), "init-service", "--json");

    JsonNode doc = json.readTree(run.out());
    assertThat(doc.path("initialized").asBoolean()).isTrue();
    assertThat(doc.path("region").asText()).isEqualTo("eu-west-3");
    assertThat(doc.path("replicationConfigurationTemplateIds")).hasSize(1);
  }

  @Test
  void initServiceWithInstallerKeysExitsOneNamingThePermissions() {
    CliRun run = run(keys(mgn.installerCredentials()), "init-service");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().lines()).singleElement()
        .satisfies(line -> assertThat(line).startsWith("mgn-agent: MGN refused InitializeService")
            .contains("iam:CreateRole"));
  }

  @Test
  void wrongSecretExitsOneWithOneLine() {
    AwsBasicCredentials wrong =
        AwsBasicCredentials.create(mgn.adminCredentials().accessKeyId(), "z".repeat(40));

    CliRun run = run(keys(wrong), "status");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().lines()).singleElement()
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
    String id = mgn.addSourceServer(s -> s.hostname("db-1").disk("/dev/sda", 8L << 30, 2L << 30)
        .replicationState(DataReplicationState.INITIAL_SYNC));

    CliRun run = run(keys(mgn.adminCredentials()), "status");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains(id).contains("db-1").contains("INITIAL_SYNC")
        .contains("/dev/sda").contains("2.0 / 8.0 GiB (25%)");
  }

  @Test
  void statusJsonListsTheChosenServers() throws Exception {
    run(keys(mgn.adminCredentials()), "init-service");
    String wanted = mgn.addSourceServer(s -> s.hostname("a").disk("/dev/vda", 1L << 30, 0));
    mgn.addSourceServer(s -> s.hostname("b"));

    CliRun run = run(keys(mgn.adminCredentials()), "status", "--json", "--source-server-id", wanted);

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
    Files.writeString(credentials, "[migration]\naws_access_key_id = "
        + mgn.adminCredentials().accessKeyId() + "\naws_secret_access_key = "
        + mgn.adminCredentials().secretAccessKey() + "\n");

    CliRun run = run(Map.of("AWS_SHARED_CREDENTIALS_FILE", credentials.toString(),
        "HOME", temp.toString()), "init-service", "--profile", "migration");

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
    CliRun run = CliRun.withEnvironment(keys(mgn.adminCredentials()),
        "status", "--region", "eu-west-3", "--endpoint", "http://mgn.example.com");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("plain http:// is accepted only for loopback");
  }
}
