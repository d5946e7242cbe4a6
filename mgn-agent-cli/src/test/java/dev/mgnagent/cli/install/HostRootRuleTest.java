package dev.mgnagent.cli.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.cli.CliRun;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --host-root} outside {@code --sandbox}: a loopback port proves nothing, so the tree is
 * accepted only with plain-http loopback endpoints (what a running {@code mgn-agent sandbox}
 * serves) and a pinned {@code --sha512}; anything else is one line and exit 2. Nothing listens on
 * the endpoints: {@code --dry-run} stops before the network.
 */
class HostRootRuleTest {

  private static final String SHA512 = "ab".repeat(64);

  @TempDir Path temp;

  private Path host;

  @BeforeEach
  void tree() throws Exception {
    host = FakeBlockDeviceScenarios.virtioWithSeparateBoot().writeTo(temp.resolve("host"));
  }

  private CliRun install(String endpoint, String s3Endpoint, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "install",
                "--region",
                "eu-west-3",
                "--endpoint",
                endpoint,
                "--s3-endpoint",
                s3Endpoint,
                "--aws-access-key-id",
                "AKIAEXAMPLE000000000",
                "--aws-secret-access-key",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "--no-prompt",
                "--dry-run",
                "--host-root",
                host.toString()));
    args.addAll(List.of(extra));
    return CliRun.withEnvironment(Map.of("HOME", temp.toString()), args.toArray(String[]::new));
  }

  private static void assertRefused(CliRun run) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("mgn-agent: --host-root works only against a sandbox")
        .contains("--sha512")
        .doesNotContain("\tat ");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void loopbackHttpEndpointsWithoutAPinnedDigestAreRefused() {
    // the plain-http S3 endpoint's own rule (a value's check comes before how values combine)
    CliRun run = install("http://127.0.0.1:9", "http://127.0.0.1:10");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).startsWith("mgn-agent: ").contains("--sha512");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void loopbackHttpsEndpointsAreRefusedEvenWithADigest() {
    // https on loopback is a tunnel or a forwarder, perhaps to AWS itself: not a sandbox
    assertRefused(install("https://127.0.0.1:9", "https://localhost:10", "--sha512", SHA512));
  }

  @Test
  void aRealEndpointIsRefused() {
    assertRefused(
        install("http://127.0.0.1:9", "https://s3.eu-west-3.amazonaws.com", "--sha512", SHA512));
  }

  @Test
  void plainHttpLoopbackEndpointsWithAPinnedDigestReadTheTree() {
    CliRun run = install("http://127.0.0.1:9", "http://127.0.0.1:10", "--sha512", SHA512);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("aws-replication-installer-init --region eu-west-3");
    // the disks come from the tree: a device it does not have is refused by name
    CliRun unknown =
        install(
            "http://127.0.0.1:9",
            "http://127.0.0.1:10",
            "--sha512",
            SHA512,
            "--devices",
            "/dev/sdq");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("/dev/sdq").doesNotContain("--host-root works only");
  }
}
