package dev.mgnagent.examples;

import dev.mgnagent.Backoff;
import dev.mgnagent.installer.DownloadRetrying;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.installer.InstallerLocation;
import dev.mgnagent.installer.InstallerVerifier;
import dev.mgnagent.installer.VerificationResult;
import dev.mgnagent.testkit.installer.FakeInstallerBucket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import software.amazon.awssdk.regions.Region;

/**
 * Downloads and verifies the replication-agent installer, here from a {@link FakeInstallerBucket}
 * on loopback that cuts the first download short, so the resume can be seen. Against AWS, use
 * {@code InstallerLocation.of(Region.EU_WEST_3)} instead.
 *
 * <p>Usage: {@code VerifyInstaller [DIRECTORY]} (default: a new temporary directory).
 */
public final class VerifyInstaller {

  private VerifyInstaller() {}

  public static void main(String[] args) throws Exception {
    Path directory =
        args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("verify-installer");
    try (FakeInstallerBucket bucket =
        FakeInstallerBucket.builder().region("eu-west-3").build().start()) {
      bucket.cutNextBodyAt(400_000);

      InstallerVerifier verifier =
          InstallerVerifier.builder()
              .location(
                  InstallerLocation.viaEndpoint(
                      Region.EU_WEST_3, bucket.endpoint(), InstallerFlavor.BINARY))
              .backoff(Backoff.exponential(Duration.ofMillis(10), Duration.ofMillis(100)))
              .eventListener(
                  event -> {
                    if (event instanceof DownloadRetrying retry) {
                      System.out.println(
                          "retrying from byte " + retry.resumeFromByte() + ": " + retry.reason());
                    }
                  })
              .build();

      VerificationResult result =
          verifier.download(directory.resolve("aws-replication-installer-init"));

      if (result instanceof VerificationResult.Verified verified) {
        System.out.println("verified " + verified.path() + " (" + verified.sizeBytes() + " bytes)");
        System.out.println("sha512 " + verified.sha512());
      } else if (result instanceof VerificationResult.Mismatch mismatch) {
        System.out.println(
            "MISMATCH: expected " + mismatch.expected() + ", got " + mismatch.actual());
      }
    }
  }
}
