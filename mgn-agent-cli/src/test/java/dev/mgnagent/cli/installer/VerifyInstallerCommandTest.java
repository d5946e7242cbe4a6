package dev.mgnagent.cli.installer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mgnagent.cli.CliRun;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.testkit.installer.FakeInstallerBucket;
import dev.mgnagent.testkit.junit.StartStop;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyInstallerCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @StartStop
  final FakeInstallerBucket bucket = FakeInstallerBucket.builder().binarySize(300_000).build();

  private Path output() {
    return dir.resolve("aws-replication-installer-init");
  }

  private CliRun run(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "verify-installer",
                "--region",
                "us-east-1",
                "--s3-endpoint",
                bucket.endpoint().toString()));
    args.addAll(List.of(extra));
    if (!args.contains("--sha512")) {
      // a plain-http endpoint needs a pinned digest: the one the fake bucket publishes
      args.addAll(
          List.of(
              "--sha512",
              bucket.sha512(
                  args.contains("python") ? InstallerFlavor.PYTHON : InstallerFlavor.BINARY)));
    }
    return CliRun.of(args.toArray(String[]::new));
  }

  private void assertNothingLeft() throws Exception {
    try (var entries = Files.list(dir)) {
      assertThat(entries).isEmpty();
    }
  }

  @Test
  void verifiedInstallerPrintsPathSizeAndDigestAndExitsZero() throws Exception {
    CliRun run = run("--output", output().toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("verified  " + output())
        .contains("size      300000 bytes")
        .contains("sha512    " + bucket.sha512(InstallerFlavor.BINARY));
    assertThat(Files.readAllBytes(output())).isEqualTo(bucket.installer(InstallerFlavor.BINARY));
    assertThat(run.err()).contains("downloading ").doesNotContain("\r");
  }

  @Test
  void jsonPrintsOneDocumentWithTheVerifiedFile() throws Exception {
    CliRun run = run("--output", output().toString(), "--json", "--flavor", "binary");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().strip().lines()).hasSize(1);
    JsonNode doc = JSON.readTree(run.out());
    assertThat(doc.get("verified").asBoolean()).isTrue();
    assertThat(doc.get("path").asText()).isEqualTo(output().toString());
    assertThat(doc.get("sizeBytes").asLong()).isEqualTo(300_000);
    assertThat(doc.get("sha512").asText()).isEqualTo(bucket.sha512(InstallerFlavor.BINARY));
    assertThat(doc.get("sourceUrl").asText())
        .isEqualTo(bucket.installerUrl(InstallerFlavor.BINARY).toString());
    assertThat(doc.get("flavor").asText()).isEqualTo("binary");
  }

  @Test
  void pythonFlavorDownloadsTheScript() throws Exception {
    Path py = dir.resolve("aws-replication-installer-init.py");

    CliRun run = run("--flavor", "python", "--output", py.toString(), "--json");

    assertThat(run.exitCode()).isZero();
    assertThat(JSON.readTree(run.out()).get("flavor").asText()).isEqualTo("python");
    assertThat(Files.readString(py)).contains("fake aws-replication-installer-init.py");
  }

  @Test
  void mismatchExitsOneAndLeavesNothingAtTheOutputPath() throws Exception {
    // the endpoint is plain http, so the digest is pinned: a wrong pin is the mismatch here
    CliRun run = run("--output", output().toString(), "--json", "--sha512", "0".repeat(128));

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode doc = JSON.readTree(run.out());
    assertThat(doc.get("verified").asBoolean()).isFalse();
    assertThat(doc.get("actualSha512").asText()).isEqualTo(bucket.sha512(InstallerFlavor.BINARY));
    assertThat(doc.get("expectedSha512").asText()).isNotEqualTo(doc.get("actualSha512").asText());
    assertNothingLeft();
  }

  @Test
  void mismatchInTextSaysTheDownloadWasDeleted() throws Exception {
    CliRun run = run("--output", output().toString(), "--sha512", "0".repeat(128));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).startsWith("MISMATCH").contains("deleted");
    assertNothingLeft();
  }

  @Test
  void downloadFailureExitsOneWithOneLineAndNothingLeft() throws Exception {
    bucket.forbid();

    CliRun run = run("--output", output().toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().lines().filter(l -> l.startsWith("mgn-agent: ")))
        .singleElement()
        .asString()
        .contains("HTTP 403 AccessDenied")
        .contains("s3:GetObject");
    assertThat(run.err()).doesNotContain("Exception");
    assertNothingLeft();
  }

  @Test
  void downloadFailureWithJsonPrintsAnErrorDocument() throws Exception {
    bucket.forbid();

    CliRun run = run("--output", output().toString(), "--json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(JSON.readTree(run.out()).get("error").get("type").asText()).isEqualTo("FAILED");
  }

  @Test
  void anExistingOutputIsKeptWithoutForceAndReplacedWithIt() throws Exception {
    Files.writeString(output(), "old");

    CliRun refused = run("--output", output().toString());

    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("--output").contains("--force");
    assertThat(Files.readString(output())).isEqualTo("old");
    assertThat(bucket.requests()).isEmpty();

    CliRun forced = run("--output", output().toString(), "--force");

    assertThat(forced.exitCode()).isZero();
    assertThat(Files.readAllBytes(output())).isEqualTo(bucket.installer(InstallerFlavor.BINARY));
  }

  @Test
  void fileModeVerifiesInPlace() throws Exception {
    Files.write(output(), bucket.installer(InstallerFlavor.BINARY));

    CliRun run = run("--file", output().toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("verified");
    assertThat(bucket.requests(bucket.installerPath(InstallerFlavor.BINARY))).isEmpty();
  }

  @Test
  void fileModeLeavesTheFileUntouchedOnMismatch() throws Exception {
    byte[] content = "tampered".getBytes(StandardCharsets.UTF_8);
    Files.write(output(), content);

    CliRun run = run("--file", output().toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("left untouched");
    assertThat(Files.readAllBytes(output())).isEqualTo(content);
  }

  @Test
  void fileModeWithAGivenDigestNeedsNoNetwork() throws Exception {
    Files.write(output(), bucket.installer(InstallerFlavor.BINARY));

    CliRun run =
        run("--file", output().toString(), "--sha512", bucket.sha512(InstallerFlavor.BINARY));

    assertThat(run.exitCode()).isZero();
    assertThat(bucket.requests()).isEmpty();
  }

  @Test
  void invalidRequestsExitTwoAndNameTheFlag() {
    assertInvalid(CliRun.of("verify-installer", "--region", "US-EAST-1"), "--region");
    assertInvalid(
        CliRun.of("verify-installer", "--region", "us-east-1", "--s3-endpoint", "http://10.1.2.3"),
        "--s3-endpoint");
    assertInvalid(run("--flavor", "perl"), "--flavor");
    assertInvalid(run("--sha512", "abc"), "--sha512");
    assertInvalid(run("--file", dir.resolve("missing").toString()), "--file");
    assertInvalid(run("--file", output().toString(), "--output", output().toString()), "--file");
    assertInvalid(run("--output", dir.resolve("no/such/dir/x").toString()), "--output");
    assertInvalid(run("--output", dir.toString(), "--force"), "--output");
    assertInvalid(CliRun.of("verify-installer"), "--region");
    assertThat(bucket.requests()).isEmpty();
  }

  @Test
  void aPlainHttpEndpointWithoutAPinnedDigestIsRefused() {
    CliRun run =
        CliRun.of(
            "verify-installer",
            "--region",
            "us-east-1",
            "--s3-endpoint",
            bucket.endpoint().toString());

    assertInvalid(run, "--s3-endpoint");
    assertThat(run.err()).contains("is plain http").contains("--sha512");
  }

  @Test
  void dualStackCannotBeCombinedWithAnEndpoint() {
    CliRun run =
        CliRun.of(
            "verify-installer",
            "--region",
            "af-south-1",
            "--dual-stack",
            "--s3-endpoint",
            "https://x");

    assertInvalid(run, "--dual-stack");
  }

  @Test
  void dualstackIsTheInstallersSpellingAndTheOtherAHiddenAlias() {
    CliRun run =
        CliRun.of(
            "verify-installer",
            "--region",
            "af-south-1",
            "--dualstack",
            "--s3-endpoint",
            "https://x");
    CliRun help = CliRun.of("verify-installer", "--help");

    assertInvalid(run, "--dualstack cannot be combined with --s3-endpoint");
    assertThat(help.out()).contains("--dualstack").doesNotContain("--dual-stack");
  }

  private static void assertInvalid(CliRun run, String flag) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err().lines())
        .singleElement()
        .asString()
        .startsWith("mgn-agent: ")
        .contains(flag);
  }
}
