package dev.mgnagent.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.CliRun;
import dev.mgnagent.fleet.HostConnector;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.testkit.aws.AssumeRoleCall;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.mgn.FakeMgn;
import dev.mgnagent.testkit.mgn.RecordedRequest;
import dev.mgnagent.testkit.sandbox.MgnSandbox;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fleet install --install-role-arn}: the installers get keys of the role from the fake STS,
 * never the operator's; bad role values exit 2 with one line.
 */
class FleetInstallRoleCommandTest {

  private static final String ROLE = "arn:aws:iam::111122223333:role/mgn-install";

  @TempDir Path temp;
  private MgnSandbox sandbox;
  private InputStream stdin;

  @BeforeEach
  void start() {
    stdin = System.in;
    sandbox =
        MgnSandbox.builder()
            .region("eu-west-3")
            .initialized(true)
            .flavors(InstallerFlavor.BINARY)
            .host(FakeBlockDeviceScenarios.virtioWithSeparateBoot())
            .hostname("web-1")
            .workDirectory(temp.resolve("sandbox"))
            .build()
            .start();
    sandbox.sts().addRole(ROLE);
    sandbox
        .sts()
        .onCredentialsIssued(
            issued -> sandbox.mgn().addCredentials(issued, FakeMgn.INSTALLATION_POLICY_ACTIONS));
  }

  @AfterEach
  void stop() {
    System.setIn(stdin);
    sandbox.close();
  }

  private CliRun install(String... extra) throws Exception {
    Path inventory = Files.writeString(temp.resolve("hosts.csv"), "host\nweb-1\n");
    HostConnector hosts = fleetHost -> sandbox.host();
    CliContext context =
        new CliContext(
                Map.of("HOME", temp.toString()),
                Clock.systemUTC(),
                dev.mgnagent.Sleeper.SYSTEM,
                false)
            .withFleetConnectors(settings -> hosts);
    System.setIn(
        new ByteArrayInputStream(
            (sandbox.adminCredentials().secretAccessKey() + "\n")
                .getBytes(StandardCharsets.UTF_8)));
    List<String> args =
        new ArrayList<>(
            List.of(
                "fleet",
                "install",
                "--inventory",
                inventory.toString(),
                "--region",
                "eu-west-3",
                "--endpoint",
                sandbox.mgnEndpoint().toString(),
                "--s3-endpoint",
                sandbox.s3Endpoint().toString(),
                "--sha512",
                sandbox.sha512(InstallerFlavor.BINARY),
                "--aws-access-key-id",
                sandbox.adminCredentials().accessKeyId(),
                "--aws-secret-access-key-stdin",
                "--skip-preflight"));
    args.addAll(List.of(extra));
    return CliRun.withContext(context, args.toArray(String[]::new));
  }

  @Test
  void theInstallerRegistersWithTheRolesKeysNotTheOperators() throws Exception {
    CliRun run =
        install(
            "--install-role-arn",
            ROLE,
            "--role-duration",
            "1200",
            "--sts-endpoint",
            sandbox.sts().endpoint().toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    List<AssumeRoleCall> calls = sandbox.sts().assumeRoleCalls();
    assertThat(calls).hasSize(1);
    assertThat(calls.get(0).callerAccessKeyId())
        .isEqualTo(sandbox.adminCredentials().accessKeyId());
    assertThat(calls.get(0).durationSeconds()).hasValue(1200);
    assertThat(sandbox.mgn().requests())
        .filteredOn(r -> "RegisterAgentForMgn".equals(r.operation()) && r.status() == 200)
        .extracting(RecordedRequest::accessKeyId)
        .containsOnly(calls.get(0).issuedAccessKeyId().orElseThrow());
  }

  @Test
  void aRoleTheOperatorMayNotAssumeFailsTheHostWithATypedReason() throws Exception {
    CliRun run =
        install(
            "--install-role-arn",
            "arn:aws:iam::111122223333:role/not-trusted",
            "--sts-endpoint",
            sandbox.sts().endpoint().toString());

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out()).contains("INSTALL_CREDENTIALS").contains("AccessDenied");
    assertThat(sandbox.mgn().sourceServers()).isEmpty();
  }

  @Test
  void badRoleValuesExitTwoWithOneLine() throws Exception {
    CliRun arn = install("--install-role-arn", "mgn-install");
    assertThat(arn.exitCode()).isEqualTo(2);
    assertThat(arn.err().strip()).doesNotContain("\n").contains("--install-role-arn");

    CliRun tooShort = install("--install-role-arn", ROLE, "--role-duration", "899");
    assertThat(tooShort.exitCode()).isEqualTo(2);
    assertThat(tooShort.err().strip())
        .doesNotContain("\n")
        .contains("--role-duration")
        .contains("900 to 3600");

    CliRun tooLong = install("--install-role-arn", ROLE, "--role-duration", "3601");
    assertThat(tooLong.exitCode()).isEqualTo(2);

    CliRun alone = install("--role-duration", "1200");
    assertThat(alone.exitCode()).isEqualTo(2);
    assertThat(alone.err()).contains("--role-duration needs --install-role-arn");

    assertThat(sandbox.sts().assumeRoleCalls()).isEmpty();
    assertThat(sandbox.mgn().sourceServers()).isEmpty();
  }
}
