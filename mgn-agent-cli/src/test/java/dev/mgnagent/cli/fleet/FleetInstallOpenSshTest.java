package dev.mgnagent.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mgnagent.Sleeper;
import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.CliRun;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.sandbox.MgnSandbox;
import dev.mgnagent.testkit.ssh.EnabledIfOpenSshServer;
import dev.mgnagent.testkit.ssh.OpenSshServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mgn-agent fleet install} in this JVM through Debian's real sshd on a loopback port to this
 * machine, against a sandbox: the host's files are read under the sandbox's host tree (the hidden
 * {@code --remote-root}), the installer is uploaded, checked and run over OpenSSH. Host keys are
 * checked against a known_hosts file of the test's own: with the server's key the host is
 * installed; with an empty one nothing is installed and the host's fingerprint is shown.
 */
@EnabledIfOpenSshServer
class FleetInstallOpenSshTest {

  @TempDir Path temp;
  private MgnSandbox sandbox;
  private OpenSshServer sshd;
  private Path clientKey;
  private InputStream stdin;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void start() throws Exception {
    stdin = System.in;
    clientKey = temp.resolve("keys/id_ed25519");
    Files.createDirectories(clientKey.getParent());
    OpenSshServer.keygen(clientKey, "ed25519", "");
    sshd =
        OpenSshServer.builder()
            .directory(temp.resolve("sshd"))
            .authorizedKey(Files.readString(temp.resolve("keys/id_ed25519.pub")).strip())
            .build()
            .start();
    sandbox =
        MgnSandbox.builder()
            .region("eu-west-3")
            .initialized(true)
            .flavors(InstallerFlavor.BINARY)
            .host(FakeBlockDeviceScenarios.virtioWithSeparateBoot())
            .hostname("through-openssh")
            .workDirectory(temp.resolve("sandbox"))
            .build()
            .start();
  }

  @AfterEach
  void stop() {
    System.setIn(stdin);
    if (sandbox != null) {
      sandbox.close();
    }
    if (sshd != null) {
      sshd.close();
    }
  }

  private CliRun install(Path knownHosts, Path results) throws Exception {
    Path inventory =
        Files.writeString(
            temp.resolve("hosts.csv"),
            "host,port,user,identity\n127.0.0.1,"
                + sshd.port()
                + ","
                + OpenSshServer.user()
                + ","
                + clientKey
                + "\n");
    System.setIn(
        new ByteArrayInputStream(
            (sandbox.adminCredentials().secretAccessKey() + "\n")
                .getBytes(StandardCharsets.UTF_8)));
    CliContext context =
        new CliContext(
            Map.of("HOME", temp.resolve("home").toString(), "USER", OpenSshServer.user()),
            Clock.systemUTC(),
            Sleeper.SYSTEM,
            false);
    return CliRun.withContext(
        context,
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
        // this machine is not the fake host the sandbox describes: its own checks do not apply
        "--skip-preflight",
        "--known-hosts",
        knownHosts.toString(),
        "--remote-root",
        sandbox.hostRoot().toString(),
        "--results",
        results.toString());
  }

  @Test
  void installsThisMachineThroughOpenSshWithItsHostKeyKnown() throws Exception {
    Path knownHosts = Files.writeString(temp.resolve("known_hosts"), sshd.knownHostsLine() + "\n");
    Path results = temp.resolve("results.jsonl");

    CliRun run = install(knownHosts, results);

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    List<String> lines = Files.readAllLines(results);
    assertThat(lines).hasSize(1);
    JsonNode host = json.readTree(lines.get(0));
    assertThat(host.get("outcome").asText()).isEqualTo("INSTALLED");
    assertThat(sandbox.mgn().sourceServers()).hasSize(1);
    assertThat(host.get("sourceServerId").asText())
        .isEqualTo(sandbox.mgn().sourceServers().get(0).sourceServerID());
    assertThat(sandbox.installer().runs()).hasSize(1);
    String secret = sandbox.adminCredentials().secretAccessKey();
    assertThat(run.out() + run.err()).doesNotContain(secret);
    assertThat(Files.readString(results)).doesNotContain(secret);
    // uploaded under the sandbox host's /tmp (the remote root), and removed from there
    assertThat(sandbox.hostRoot().resolve("tmp")).isDirectory();
    try (var left = Files.list(sandbox.hostRoot().resolve("tmp"))) {
      assertThat(left).noneMatch(p -> p.getFileName().toString().startsWith("mgn-agent"));
    }
  }

  @Test
  void anUnknownHostKeyInstallsNothingExitsOneAndShowsTheFingerprint() throws Exception {
    Path knownHosts = Files.writeString(temp.resolve("known_hosts"), "");
    Path results = temp.resolve("results.jsonl");

    CliRun run = install(knownHosts, results);

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    String fingerprint = sshd.hostKeyFingerprint();
    assertThat(fingerprint).startsWith("SHA256:");
    assertThat(run.out() + run.err()).contains(fingerprint);
    JsonNode host = json.readTree(Files.readAllLines(results).get(0));
    assertThat(host.get("outcome").asText()).isEqualTo("UNREACHABLE");
    assertThat(host.get("reason").asText()).isEqualTo("HOST_KEY_UNKNOWN");
    assertThat(sandbox.mgn().sourceServers()).isEmpty();
    assertThat(sandbox.installer().runs()).isEmpty();
    // without --accept-new-host-keys nothing is recorded
    assertThat(Files.readString(knownHosts)).isEmpty();
  }
}
