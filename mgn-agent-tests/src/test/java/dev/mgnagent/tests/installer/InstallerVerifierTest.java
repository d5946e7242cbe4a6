package dev.mgnagent.tests.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.Backoff;
import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.event.MgnAgentEvent;
import dev.mgnagent.installer.DownloadFinished;
import dev.mgnagent.installer.DownloadProgress;
import dev.mgnagent.installer.DownloadRetrying;
import dev.mgnagent.installer.DownloadStarted;
import dev.mgnagent.installer.InstallerDownloadException;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.installer.InstallerLocation;
import dev.mgnagent.installer.InstallerVerifier;
import dev.mgnagent.installer.VerificationResult;
import dev.mgnagent.installer.VerificationResult.Mismatch;
import dev.mgnagent.installer.VerificationResult.Verified;
import dev.mgnagent.testkit.event.RecordingEventListener;
import dev.mgnagent.testkit.installer.FakeInstallerBucket;
import dev.mgnagent.testkit.installer.RecordedRequest;
import dev.mgnagent.testkit.junit.StartStop;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/**
 * InstallerVerifier against the fake bucket: every fault recovers and verifies, or leaves nothing.
 */
class InstallerVerifierTest {

  private static final InstallerFlavor BINARY = InstallerFlavor.BINARY;

  @TempDir Path dir;

  @StartStop
  final FakeInstallerBucket bucket = FakeInstallerBucket.builder().region("eu-west-3").build();

  private final RecordingEventListener recorded = new RecordingEventListener();
  private final List<Duration> sleeps = new ArrayList<>();

  private InstallerVerifier.Builder verifier(InstallerFlavor flavor) {
    return InstallerVerifier.builder()
        .location(InstallerLocation.viaEndpoint(Region.EU_WEST_3, bucket.endpoint(), flavor))
        .eventListener(recorded)
        .backoff(Backoff.NONE)
        .sleeper(sleeps::add);
  }

  private InstallerVerifier verifier() {
    return verifier(BINARY).build();
  }

  private Path target() {
    return dir.resolve("aws-replication-installer-init");
  }

  private List<RecordedRequest> installerRequests() {
    return bucket.requests(bucket.installerPath(BINARY));
  }

  private void assertNothingLeft() throws Exception {
    try (var entries = Files.list(dir)) {
      assertThat(entries).as("files left in the output directory").isEmpty();
    }
  }

  @Test
  void downloadVerifiesAndLeavesAnOwnerExecutableFileAndNothingElse() throws Exception {
    VerificationResult result = verifier().download(target());

    assertThat(result).isInstanceOf(Verified.class);
    Verified verified = (Verified) result;
    assertThat(verified.path()).isEqualTo(target());
    assertThat(verified.sizeBytes()).isEqualTo(bucket.installer(BINARY).length);
    assertThat(verified.sha512()).isEqualTo(bucket.sha512(BINARY));
    assertThat(verified.sourceUrl()).isEqualTo(bucket.installerUrl(BINARY));
    assertThat(verified.flavor()).isEqualTo(BINARY);
    assertThat(Files.readAllBytes(target())).isEqualTo(bucket.installer(BINARY));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target())))
        .isEqualTo("rwx------");
    try (var entries = Files.list(dir)) {
      assertThat(entries).containsExactly(target());
    }
  }

  @Test
  void progressEventsCountUpToTheTotal() {
    verifier().download(target());

    long size = bucket.installer(BINARY).length;
    List<MgnAgentEvent> all = recorded.events();
    assertThat(all.get(0))
        .isInstanceOfSatisfying(
            DownloadStarted.class,
            e -> {
              assertThat(e.fromByte()).isZero();
              assertThat(e.totalBytes()).hasValue(size);
            });
    assertThat(recorded.events(DownloadProgress.class))
        .extracting(DownloadProgress::bytesSoFar)
        .isSorted()
        .last()
        .isEqualTo(size);
    assertThat(all.get(all.size() - 1))
        .isEqualTo(new DownloadFinished(bucket.installerUrl(BINARY), size, 1));
  }

  @Test
  void pythonFlavorIsVerifiedAgainstItsOwnDigest() throws Exception {
    Path target = dir.resolve("aws-replication-installer-init.py");

    VerificationResult result = verifier(InstallerFlavor.PYTHON).build().download(target);

    assertThat(result)
        .isInstanceOfSatisfying(
            Verified.class, v -> assertThat(v.flavor()).isEqualTo(InstallerFlavor.PYTHON));
    assertThat(Files.readString(target)).contains("fake aws-replication-installer-init.py");
    assertThat(bucket.requests(bucket.digestPath(InstallerFlavor.PYTHON))).hasSize(1);
  }

  @Test
  void wrongDigestIsAMismatchAndTheDownloadIsDeleted() throws Exception {
    bucket.serveWrongDigest();

    VerificationResult result = verifier().download(target());

    assertThat(result)
        .isInstanceOfSatisfying(
            Mismatch.class,
            m -> {
              assertThat(m.actual()).isEqualTo(bucket.sha512(BINARY));
              assertThat(m.expected()).isNotEqualTo(m.actual()).hasSize(128);
              assertThat(m.url()).isEqualTo(bucket.installerUrl(BINARY));
            });
    assertNothingLeft();
  }

  @Test
  void afterACutTheNextRequestResumesFromTheCutWithIfRange() {
    bucket.cutNextBodyAt(300_000);

    VerificationResult result = verifier().download(target());

    assertThat(result).isInstanceOf(Verified.class);
    List<RecordedRequest> requests = installerRequests();
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).bytesServed()).isEqualTo(300_000);
    assertThat(requests.get(1).range()).contains("bytes=300000-");
    assertThat(requests.get(1).ifRange()).isPresent();
    assertThat(requests.get(1).status()).isEqualTo(206);
    long size = bucket.installer(BINARY).length;
    assertThat(bucket.bytesServed(bucket.installerPath(BINARY))).isLessThan((long) (size * 1.1));
    assertThat(recorded.events(DownloadRetrying.class))
        .singleElement()
        .satisfies(e -> assertThat(e.resumeFromByte()).isEqualTo(300_000));
  }

  @Test
  void aServerThatIgnoresRangeStillYieldsAVerifiedFile() throws Exception {
    bucket.ignoreRange().cutNextBodyAt(300_000);

    VerificationResult result = verifier().download(target());

    assertThat(result).isInstanceOf(Verified.class);
    assertThat(installerRequests()).extracting(RecordedRequest::status).containsExactly(200, 200);
    assertThat(installerRequests().get(1).range()).contains("bytes=300000-");
    assertThat(Files.readAllBytes(target())).isEqualTo(bucket.installer(BINARY));
  }

  @Test
  void anInstallerReplacedWhileResumingIsRestartedFromByteZero() throws Exception {
    byte[] newer = "a newer installer".repeat(50_000).getBytes(StandardCharsets.UTF_8);
    bucket.cutNextBodyAt(500_000);
    InstallerVerifier verifier =
        InstallerVerifier.builder()
            .location(InstallerLocation.viaEndpoint(Region.EU_WEST_3, bucket.endpoint(), BINARY))
            .expectedSha512(sha512Hex(newer))
            .backoff(Backoff.NONE)
            .eventListener(
                e -> {
                  if (e instanceof DownloadRetrying) {
                    bucket.replaceInstaller(BINARY, newer);
                  }
                })
            .build();

    VerificationResult result = verifier.download(target());

    assertThat(result).isInstanceOf(Verified.class);
    assertThat(installerRequests()).extracting(RecordedRequest::status).containsExactly(200, 200);
    assertThat(installerRequests().get(1).ifRange()).isPresent();
    assertThat(Files.readAllBytes(target())).isEqualTo(newer);
  }

  @Test
  void serverErrorsAreRetriedAndRecover() {
    bucket.failNext(3, 503);

    VerificationResult result = verifier().download(target());

    assertThat(result).isInstanceOf(Verified.class);
    assertThat(bucket.requests())
        .extracting(RecordedRequest::status)
        .startsWith(503, 503, 503, 200);
    assertThat(recorded.events(DownloadRetrying.class)).hasSize(3);
  }

  @Test
  void errorsOnTheInstallerItselfAreRetried() {
    verifier().download(target());
    bucket.failNext(2, 500);

    VerificationResult again = verifier(BINARY).replaceExisting(true).build().download(target());

    assertThat(again).isInstanceOf(Verified.class);
    assertThat(bucket.requests()).extracting(RecordedRequest::status).endsWith(500, 500, 200, 200);
  }

  @Test
  void persistentServerErrorsGiveUpAndLeaveNothing() throws Exception {
    bucket.failNext(100, 500);

    assertThatThrownBy(() -> verifier(BINARY).maxAttempts(3).build().download(target()))
        .isInstanceOfSatisfying(
            InstallerDownloadException.class,
            e -> {
              assertThat(e.attempts()).isEqualTo(3);
              assertThat(e.httpStatus()).hasValue(500);
              assertThat(e.getMessage()).contains("after 3 attempts").contains("HTTP 500");
            });
    assertNothingLeft();
  }

  @Test
  void backoffDelaysGoToTheInjectedSleeper() {
    bucket.failNext(2, 503);

    verifier(BINARY)
        .backoff(Backoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(30)))
        .build()
        .download(target());

    assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void forbiddenFailsAtOnceWithTheEndpointPolicyRemedyAndLeavesNothing() throws Exception {
    bucket.forbid();

    assertThatThrownBy(() -> verifier().download(target()))
        .isInstanceOfSatisfying(
            InstallerDownloadException.class,
            e -> {
              assertThat(e.httpStatus()).hasValue(403);
              assertThat(e.getMessage())
                  .contains("AccessDenied")
                  .contains("s3:GetObject")
                  .contains("aws-application-migration-service-hashes-eu-west-3");
            });
    assertThat(bucket.requests()).hasSize(1);
    assertNothingLeft();
  }

  @Test
  void forbiddenInstallerAfterTheDigestLeavesNothing() throws Exception {
    bucket.failNext(0, 500);
    InstallerVerifier verifier = verifier(BINARY).expectedSha512(bucket.sha512(BINARY)).build();
    bucket.forbid();

    assertThatThrownBy(() -> verifier.download(target()))
        .isInstanceOf(InstallerDownloadException.class)
        .hasMessageContaining("HTTP 403");
    assertNothingLeft();
  }

  @Test
  void aWrongRegionIsNotFound() throws Exception {
    InstallerVerifier verifier =
        InstallerVerifier.builder()
            .location(InstallerLocation.viaEndpoint(Region.US_WEST_2, bucket.endpoint(), BINARY))
            .build();

    assertThatThrownBy(() -> verifier.download(target()))
        .isInstanceOf(InstallerDownloadException.class)
        .hasMessageContaining("HTTP 404 NoSuchKey")
        .hasMessageContaining("region");
    assertNothingLeft();
  }

  @Test
  void aStallIsDetectedAndTheDownloadResumes() {
    bucket.stallNextBodyAt(200_000);

    VerificationResult result =
        verifier(BINARY).stallTimeout(Duration.ofMillis(300)).build().download(target());

    assertThat(result).isInstanceOf(Verified.class);
    assertThat(installerRequests()).hasSize(2);
    assertThat(installerRequests().get(1).range()).contains("bytes=200000-");
    assertThat(recorded.events(DownloadRetrying.class))
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).contains("no byte"));
  }

  @Test
  void anUnreachableServerFailsAfterTheRetriesAndLeavesNothing() throws Exception {
    String endpoint = bucket.endpoint().toString();
    bucket.close();
    InstallerVerifier verifier =
        InstallerVerifier.builder()
            .location(InstallerLocation.viaEndpoint(Region.EU_WEST_3, URI.create(endpoint), BINARY))
            .backoff(Backoff.NONE)
            .maxAttempts(2)
            .build();

    assertThatThrownBy(() -> verifier.download(target()))
        .isInstanceOf(InstallerDownloadException.class)
        .hasMessageContaining("cannot connect");
    assertNothingLeft();
  }

  @Test
  void anExistingTargetIsNotReplacedUnlessAllowed() throws Exception {
    Files.writeString(target(), "keep me");

    assertThatThrownBy(() -> verifier().download(target()))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("already exists");
    assertThat(Files.readString(target())).isEqualTo("keep me");
    assertThat(bucket.requests()).isEmpty();
  }

  @Test
  void replacingASymlinkReplacesTheLinkNotWhatItPointsTo() throws Exception {
    Path victim = dir.resolve("victim");
    Files.writeString(victim, "precious");
    Files.createSymbolicLink(target(), victim);

    VerificationResult result = verifier(BINARY).replaceExisting(true).build().download(target());

    assertThat(result).isInstanceOf(Verified.class);
    assertThat(Files.isSymbolicLink(target())).isFalse();
    assertThat(Files.readString(victim)).isEqualTo("precious");
  }

  @Test
  void aGivenDigestIsUsedInsteadOfThePublishedOne() {
    VerificationResult result =
        verifier(BINARY)
            .expectedSha512(bucket.sha512(BINARY).toUpperCase())
            .build()
            .download(target());

    assertThat(result).isInstanceOf(Verified.class);
    assertThat(bucket.requests(bucket.digestPath(BINARY))).isEmpty();
  }

  @Test
  void aFileOnDiskThatMatchesIsVerifiedInPlace() throws Exception {
    Path file = dir.resolve("copied-installer");
    Files.write(file, bucket.installer(BINARY));

    VerificationResult result = verifier().verifyFile(file);

    assertThat(result)
        .isInstanceOfSatisfying(
            Verified.class,
            v -> {
              assertThat(v.path()).isEqualTo(file);
              assertThat(v.sourceUrl().getScheme()).isEqualTo("file");
            });
    assertThat(installerRequests()).isEmpty();
  }

  @Test
  void aFileOnDiskIsLeftUntouchedOnMismatch() throws Exception {
    Path file = dir.resolve("aws-replication-installer-init");
    byte[] content = "not the installer".getBytes(StandardCharsets.UTF_8);
    Files.write(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    FileTime modified = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(file, modified);

    VerificationResult result = verifier().verifyFile(file);

    assertThat(result).isInstanceOf(Mismatch.class);
    assertThat(Files.readAllBytes(file)).isEqualTo(content);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r-----");
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(modified);
    try (var entries = Files.list(dir)) {
      assertThat(entries).containsExactly(file);
    }
  }

  @Test
  void aMissingFileIsAnInvalidRequest() {
    assertThatThrownBy(() -> verifier().verifyFile(dir.resolve("nope")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("no such file");
  }

  @Test
  void recordedRequestsShowRangesServed() {
    bucket.cutNextBodyAt(10);
    verifier().download(target());

    assertThat(installerRequests()).extracting(RecordedRequest::firstByte).containsExactly(0L, 10L);
    assertThat(installerRequests().get(0).ifRange()).isEqualTo(Optional.empty());
  }

  private static String sha512Hex(byte[] bytes) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-512").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
