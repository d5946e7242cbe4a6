package dev.mgnagent.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.CliRun;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.testkit.aws.FakeSts;
import dev.mgnagent.testkit.sandbox.MgnSandbox;
import dev.mgnagent.testkit.ssm.FakeSsm;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/** {@code fleet install --ssm} against a fake Systems Manager and the sandbox's fake MGN. */
class FleetSsmCommandTest {

  static final String OPERATOR_KEY = "AKIACLIOPERATOR00001";
  static final String OPERATOR_SECRET = "CliOperatorLongLivedSecret+wJalrXUtnFEMI";
  static final String KEY_ID = "ASIACLISSMCANARY0001";
  static final String SECRET = "CliSsmTemporarySecret+wJalrXUtnFEMI/K7MDENG";
  static final String TOKEN = "CliSsmSessionToken//FwoGZXIvYXdzEBYaDNOTREAL";

  @TempDir Path temp;
  private MgnSandbox sandbox;
  private FakeSsm ssm;
  private final InputStream stdin = System.in;

  @BeforeEach
  void start() {
    sandbox =
        MgnSandbox.builder()
            .region("eu-west-3")
            .initialized(true)
            .flavors(InstallerFlavor.BINARY)
            .workDirectory(temp.resolve("sandbox"))
            .build()
            .start();
    sandbox.mgn().addCredentials(AwsSessionCredentials.create(KEY_ID, SECRET, TOKEN), Set.of("*"));
    ssm =
        FakeSsm.builder()
            .directory(temp.resolve("ssm"))
            .region("eu-west-3")
            .instance("web-1", i -> i.tag("Wave", "1"))
            .instance("web-2", i -> i.tag("Wave", "1"))
            .instance("no-curl", i -> i.tag("Wave", "1").failingCommand("curl", 22))
            .build()
            .start();
    ssm.addCredentials(AwsBasicCredentials.create(OPERATOR_KEY, OPERATOR_SECRET));
  }

  @AfterEach
  void stop() {
    System.setIn(stdin);
    ssm.close();
    sandbox.close();
  }

  private CliRun run(String stdinText, String... extra) {
    System.setIn(new ByteArrayInputStream(stdinText.getBytes(StandardCharsets.UTF_8)));
    List<String> args =
        new ArrayList<>(
            List.of(
                "fleet",
                "install",
                "--ssm",
                "--region",
                "eu-west-3",
                "--ssm-endpoint",
                ssm.endpoint().toString(),
                "--endpoint",
                sandbox.mgnEndpoint().toString(),
                "--s3-endpoint",
                sandbox.s3Endpoint().toString(),
                "--sha512",
                sandbox.sha512(InstallerFlavor.BINARY)));
    args.addAll(List.of(extra));
    CliContext context =
        new CliContext(
            Map.of(
                "HOME",
                temp.toString(),
                "AWS_ACCESS_KEY_ID",
                OPERATOR_KEY,
                "AWS_SECRET_ACCESS_KEY",
                OPERATOR_SECRET),
            Clock.systemUTC(),
            dev.mgnagent.Sleeper.SYSTEM,
            false);
    return CliRun.withContext(context, args.toArray(String[]::new));
  }

  @Test
  void installsThroughSsmAndWritesOneResultLinePerNode() throws Exception {
    Path results = temp.resolve("results.jsonl");
    CliRun run =
        run(
            SECRET + "\n" + TOKEN + "\n",
            "--targets",
            "tag:Wave=1",
            "--aws-access-key-id",
            KEY_ID,
            "--aws-secret-access-key-stdin",
            "--parallel",
            "3",
            "--results",
            results.toString());

    assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(1);
    List<String> lines = Files.readAllLines(results);
    assertThat(lines).hasSize(3);
    assertThat(String.join("\n", lines))
        .contains(ssm.instance("web-1").instanceId())
        .contains("INSTALLED")
        .contains("DOWNLOAD_FAILED");
    assertThat(run.out() + run.err() + String.join("", lines))
        .doesNotContain(SECRET)
        .doesNotContain(TOKEN)
        .doesNotContain(OPERATOR_SECRET);
  }

  @Test
  void retryFailedSendsTheInstallOnlyToTheNodesThatWereNotInstalled() throws Exception {
    Path first = temp.resolve("first.jsonl");
    Path second = temp.resolve("second.jsonl");
    String ids =
        String.join(
            ",",
            ssm.instance("web-1").instanceId(),
            ssm.instance("no-curl").instanceId(),
            ssm.instance("web-2").instanceId());
    CliRun run =
        run(
            SECRET + "\n" + TOKEN + "\n",
            "--instance-ids",
            ids,
            "--aws-access-key-id",
            KEY_ID,
            "--aws-secret-access-key-stdin",
            "--results",
            first.toString());
    assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(1);

    CliRun retry =
        run(
            SECRET + "\n" + TOKEN + "\n",
            "--instance-ids",
            ids,
            "--aws-access-key-id",
            KEY_ID,
            "--aws-secret-access-key-stdin",
            "--retry-failed",
            first.toString(),
            "--results",
            second.toString());

    assertThat(retry.err()).contains("retrying 1 of 3");
    List<String> lines = Files.readAllLines(second);
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .contains(ssm.instance("no-curl").instanceId())
        .doesNotContain(ssm.instance("web-1").instanceId());
  }

  @Test
  void dryRunPrintsTheScriptWithTheSecretsMasked() {
    CliRun run =
        run(
            SECRET + "\n" + TOKEN + "\n",
            "--instance-ids",
            ssm.instance("web-1").instanceId(),
            "--aws-access-key-id",
            KEY_ID,
            "--aws-secret-access-key-stdin",
            "--dry-run");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("sha512sum installer")
        .contains("--aws-access-key-id '" + KEY_ID + "'")
        .contains("****")
        .doesNotContain(SECRET)
        .doesNotContain(TOKEN);
    assertThat(ssm.commandCount()).isZero();
  }

  @Test
  void aDryRunWritesNoResultsAndSaysSoInsteadOfIgnoringTheFile() {
    Path results = temp.resolve("never.jsonl");
    CliRun run =
        run(
            SECRET + "\n" + TOKEN + "\n",
            "--instance-ids",
            ssm.instance("web-1").instanceId(),
            "--aws-access-key-id",
            KEY_ID,
            "--aws-secret-access-key-stdin",
            "--dry-run",
            "--results",
            results.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--results").doesNotContain("\tat ");
    assertThat(results).doesNotExist();
    assertThat(ssm.commandCount()).isZero();
  }

  @Test
  void installRoleArnMintsShortLivedKeysForTheNodesWithTheOperatorsKeysSigningOnly()
      throws Exception {
    Path results = temp.resolve("role-results.jsonl");
    String role = "arn:aws:iam::111122223333:role/MgnInstall";
    List<String> issuedSecrets = new ArrayList<>();
    try (FakeSts sts = FakeSts.builder().region("eu-west-3").build().start()) {
      sts.addRole(role);
      sts.addCredentials(AwsBasicCredentials.create(OPERATOR_KEY, OPERATOR_SECRET));
      sts.onCredentialsIssued(
          issued -> {
            synchronized (issuedSecrets) {
              issuedSecrets.add(issued.secretAccessKey());
              issuedSecrets.add(issued.sessionToken());
            }
            sandbox.mgn().addCredentials(issued, Set.of("*"));
          });
      CliRun run =
          run(
              "",
              "--instance-ids",
              ssm.instance("web-1").instanceId() + "," + ssm.instance("web-2").instanceId(),
              "--install-role-arn",
              role,
              "--sts-endpoint",
              sts.endpoint().toString(),
              "--results",
              results.toString());

      assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(0);
      assertThat(sts.assumeRoleCalls()).hasSize(1);
      List<String> lines = Files.readAllLines(results);
      assertThat(lines).hasSize(2).allMatch(line -> line.contains("INSTALLED"));
      String seen = run.out() + run.err() + String.join("", lines);
      assertThat(seen).doesNotContain(OPERATOR_SECRET);
      synchronized (issuedSecrets) {
        assertThat(issuedSecrets).isNotEmpty().noneMatch(seen::contains);
      }
    }
  }

  @Test
  void longLivedInstallKeysAreRefused() {
    CliRun run =
        run(
            "someLongLivedSecret\n",
            "--instance-ids",
            ssm.instance("web-1").instanceId(),
            "--aws-access-key-id",
            "AKIALONGLIVED0000001",
            "--aws-secret-access-key-stdin");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("not short-lived")
        .doesNotContain("someLongLivedSecret")
        .doesNotContain("\tat ");
    assertThat(ssm.commandCount()).isZero();
  }

  @Test
  void ssmOptionsWithoutSsmAreRefused() {
    CliRun run =
        CliRun.of(
            "fleet",
            "install",
            "--region",
            "eu-west-3",
            "--instance-ids",
            ssm.instance("web-1").instanceId());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("need --ssm");
  }
}
