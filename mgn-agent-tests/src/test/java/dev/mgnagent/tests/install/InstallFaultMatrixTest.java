package dev.mgnagent.tests.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.Backoff;
import dev.mgnagent.MgnAgentException;
import dev.mgnagent.Secret;
import dev.mgnagent.install.AgentInstallation;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.install.InstallationResult;
import dev.mgnagent.installer.DownloadSettings;
import dev.mgnagent.installer.InstallerFailedException;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.installer.RegistrarSettings;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.installer.FakeInstallerFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The whole installation against every fault the fakes can inject. Each cell either completes after
 * bounded retries or fails with its typed error; either way mgn-agent leaves nothing of its own
 * behind (no temporary directory, no installer file, no secret on disk), keeps what the installer
 * did, and names the installer's log when the installer failed. Each cell runs twice with fresh
 * fakes and must give the same outcome. Backoffs are zero and timeouts short, so the matrix takes
 * seconds per cell (the installer cells start a JVM per run).
 */
class InstallFaultMatrixTest {

  /** MGN calls retried at once (3 attempts), so throttling and 5xx cost no waiting. */
  static final RetryStrategy IMMEDIATE_RETRIES =
      AwsRetryStrategy.standardRetryStrategy().toBuilder()
          .backoffStrategy(BackoffStrategy.retryImmediately())
          .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
          .circuitBreakerEnabled(false)
          .build();

  private static final String INSTALLER_LOG =
      "var/lib/aws-replication-agent/aws_replication_agent_installer.log";

  @TempDir Path temp;

  /** A fault applied to fresh fakes before the installation, and what must come of it. */
  record Cell(
      String name,
      Consumer<InstallFixture> fault,
      boolean installerCredentialsOnly,
      String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cells() {
    return Stream.of(
            cell("bucket 500 twice", f -> f.bucket.failNext(2, 500), "installed"),
            cell(
                "bucket 500 on every attempt",
                f -> f.bucket.failNext(50, 500),
                "InstallerDownloadException"),
            cell("bucket 403 AccessDenied", f -> f.bucket.forbid(), "InstallerDownloadException"),
            cell("download cut mid-body", f -> f.bucket.cutNextBodyAt(1000), "installed"),
            cell("download stalls mid-body", f -> f.bucket.stallNextBodyAt(1000), "installed"),
            cell(
                "Range ignored after a cut",
                f -> f.bucket.ignoreRange().cutNextBodyAt(1000),
                "installed"),
            cell(
                "wrong published digest",
                f -> f.bucket.serveWrongDigest(),
                "InstallerMismatchException"),
            cell(
                "MGN 429 twice",
                f -> f.mgn.throttleNext("DescribeSourceServers", 2, 1),
                "installed"),
            cell(
                "MGN 500 twice",
                f -> f.mgn.failNext("DescribeSourceServers", 2, 500, "InternalServerException"),
                "installed"),
            cell(
                "MGN 500 on every attempt",
                f -> f.mgn.failNext("DescribeSourceServers", 50, 500, "InternalServerException"),
                "MgnServiceException"),
            cell(
                "MGN drops connections twice",
                f -> f.mgn.dropNext("DescribeSourceServers", 2),
                "installed"),
            cell(
                "MGN slow answers",
                f -> f.mgn.delayNext("DescribeSourceServers", 2, Duration.ofMillis(300)),
                "installed"),
            new Cell(
                "AccessDenied on the confirmation (installation-policy keys)",
                f -> {},
                true,
                "installed, not confirmed"),
            cell(
                "installer crashes mid-way",
                f -> f.installer.failWith(FakeInstallerFailure.CRASH),
                "InstallerFailedException CRASHED"),
            cell(
                "installer exits 1 without a message",
                f -> f.installer.failWith(FakeInstallerFailure.SILENT_EXIT),
                "InstallerFailedException CRASHED"),
            cell(
                "installer hangs past the timeout",
                f -> f.installer.failWith(FakeInstallerFailure.HANG),
                "InstallerFailedException TIMED_OUT"),
            cell(
                "installer fails on missing kernel headers",
                f -> f.installer.failWith(FakeInstallerFailure.KERNEL_HEADERS_MISSING),
                "InstallerFailedException KERNEL_HEADERS_MISSING"))
        .map(Arguments::of);
  }

  private static Cell cell(String name, Consumer<InstallFixture> fault, String expected) {
    return new Cell(name, fault, false, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cells")
  void eachCellEndsTheSameWayTwiceAndLeavesNothingOfMgnAgentBehind(Cell cell) throws Exception {
    String first = run(cell, temp.resolve("first"));
    String second = run(cell, temp.resolve("second"));

    assertThat(first).isEqualTo(cell.expected());
    assertThat(second).as("the same cell run again").isEqualTo(first);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failuresInACallersWorkDirectory")
  void aFailureRemovesTheInstallerItDownloadedIntoTheCallersDirectory(Cell cell) throws Exception {
    Path root = temp.resolve("caller");
    Files.createDirectories(root);
    try (InstallFixture fixture =
        new InstallFixture(
            root, FakeBlockDeviceScenarios.virtioWithSeparateBoot(), InstallerFlavor.BINARY)) {
      cell.fault().accept(fixture);
      Path work = Files.createDirectories(root.resolve("work"));
      Files.writeString(work.resolve("notes.txt"), "the caller's own file");

      String outcome =
          outcome(
              () ->
                  installation(cell, fixture, Optional.of(work))
                      .install(request(fixture, false).build()),
              fixture);

      assertThat(outcome).isEqualTo(cell.expected());
      try (Stream<Path> left = Files.list(work)) {
        assertThat(left.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
      }
    }
  }

  static Stream<Arguments> failuresInACallersWorkDirectory() {
    return Stream.of(
            cell(
                "installer crashes",
                f -> f.installer.failWith(FakeInstallerFailure.CRASH),
                "InstallerFailedException CRASHED"),
            cell(
                "wrong published digest",
                f -> f.bucket.serveWrongDigest(),
                "InstallerMismatchException"),
            cell(
                "bucket 500 on every attempt",
                f -> f.bucket.failNext(50, 500),
                "InstallerDownloadException"))
        .map(Arguments::of);
  }

  private String run(Cell cell, Path root) throws Exception {
    Files.createDirectories(root);
    Set<String> tempBefore = mgnAgentTemporaryEntries();
    try (InstallFixture fixture =
        new InstallFixture(
            root, FakeBlockDeviceScenarios.virtioWithSeparateBoot(), InstallerFlavor.BINARY)) {
      // what an earlier installer run left on the server: mgn-agent must never remove it
      Path earlierLog = fixture.installer.installRoot().resolve(INSTALLER_LOG);
      Files.createDirectories(earlierLog.getParent());
      Files.writeString(earlierLog, "an earlier run of the installer\n");
      cell.fault().accept(fixture);

      String outcome =
          outcome(
              () ->
                  installation(cell, fixture, Optional.empty())
                      .install(request(fixture, cell.installerCredentialsOnly()).build()),
              fixture);

      Set<String> left = mgnAgentTemporaryEntries();
      left.removeAll(tempBefore);
      assertThat(left).as("mgn-agent's temporary directories left").isEmpty();
      assertThat(earlierLog).as("the installer's own log").exists();
      if (!fixture.installer.runs().isEmpty() && outcome.equals("installed")) {
        assertThat(fixture.installer.isInstalled()).isTrue();
      }
      String secret = fixture.mgn.adminCredentials().secretAccessKey();
      assertThat(filesContaining(root, secret)).as("files holding the secret").isEmpty();
      return outcome;
    }
  }

  private static String outcome(ThrowingInstall install, InstallFixture fixture) {
    String secret = fixture.mgn.adminCredentials().secretAccessKey();
    try {
      InstallationResult result = install.run();
      assertThat(result.sourceServerId().value()).startsWith("s-");
      if (result.registeredDisks().isEmpty()) {
        assertThat(result.warnings()).anyMatch(w -> w.message().contains("was not confirmed"));
        return "installed, not confirmed";
      }
      assertThat(result.registeredDisks()).containsExactly("/dev/vda", "/dev/vdb");
      return "installed";
    } catch (InstallerFailedException e) {
      assertThat(e.getMessage())
          .contains("/var/lib/aws-replication-agent/aws_replication_agent_installer.log");
      assertThat(e.getMessage()).doesNotContain(secret);
      return e.getClass().getSimpleName() + " " + e.failure();
    } catch (MgnAgentException e) {
      assertThat(e.getMessage()).doesNotContain(secret);
      assertThat(fixture.installer.runs())
          .as("no installer runs after " + e.getMessage())
          .isEmpty();
      return e.getClass().getSimpleName();
    }
  }

  @FunctionalInterface
  interface ThrowingInstall {
    InstallationResult run();
  }

  /**
   * Generous: a fake installer is a JVM of its own, which a loaded machine may take many seconds to
   * start. Only the cell that expects the timeout waits for less ({@link #HANG_TIMEOUT}).
   */
  static final Duration INSTALLER_TIMEOUT = Duration.ofMinutes(3);

  static final Duration HANG_TIMEOUT = Duration.ofSeconds(6);

  static AgentInstallation installation(InstallFixture fixture, Optional<Path> work) {
    return installation(fixture, work, INSTALLER_TIMEOUT);
  }

  private static AgentInstallation installation(
      Cell cell, InstallFixture fixture, Optional<Path> work) {
    return installation(
        fixture, work, cell.expected().endsWith("TIMED_OUT") ? HANG_TIMEOUT : INSTALLER_TIMEOUT);
  }

  static AgentInstallation installation(
      InstallFixture fixture, Optional<Path> work, Duration installerTimeout) {
    AgentInstallation.Builder builder =
        AgentInstallation.builder()
            .host(fixture.host)
            .eventListener(fixture.events)
            .runAsRoot(true)
            .registrarSettings(
                RegistrarSettings.builder()
                    .installerTimeout(installerTimeout)
                    .confirmationInterval(Duration.ofMillis(100))
                    .confirmationAttempts(50)
                    .build())
            .downloadSettings(
                DownloadSettings.builder()
                    .maxAttempts(3)
                    .backoff(Backoff.NONE)
                    .stallTimeout(Duration.ofMillis(500))
                    .build())
            .mgnRetryStrategy(IMMEDIATE_RETRIES);
    work.ifPresent(builder::workDirectory);
    return builder.build();
  }

  static InstallRequest.Builder request(InstallFixture fixture, boolean installerKeysOnly) {
    var keys =
        installerKeysOnly ? fixture.mgn.installerCredentials() : fixture.mgn.adminCredentials();
    return InstallRequest.builder()
        .region(Region.EU_WEST_3)
        .accessKeyId(keys.accessKeyId())
        .secretAccessKey(Secret.of(keys.secretAccessKey()))
        .endpoint(fixture.mgn.endpoint())
        .s3Endpoint(fixture.bucket.endpoint())
        .sandbox(true)
        .noPrompt(true);
  }

  /** The entries mgn-agent may create in the system temporary directory. */
  static Set<String> mgnAgentTemporaryEntries() throws IOException {
    try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return entries
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("mgn-agent-installer-"))
          .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
  }

  /** Regular files under {@code root} whose bytes contain {@code secret}. */
  static List<Path> filesContaining(Path root, String secret) throws IOException {
    List<Path> found = new ArrayList<>();
    if (!Files.exists(root)) {
      return found;
    }
    byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] content = Files.readAllBytes(file);
        if (indexOf(content, needle) >= 0) {
          found.add(file);
        }
      }
    }
    return found;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
