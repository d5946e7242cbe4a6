package dev.mgnagent.tests.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.Backoff;
import dev.mgnagent.installer.InstallerFileException;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.installer.InstallerLocation;
import dev.mgnagent.installer.InstallerVerifier;
import dev.mgnagent.installer.VerificationResult;
import dev.mgnagent.testkit.installer.FakeInstallerBucket;
import dev.mgnagent.testkit.junit.StartStop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/**
 * The free space of the download directory is checked against the length the bucket announces (plus
 * a 16 MiB margin) before the body is written. The free-space figure is injected: no disk is
 * filled.
 */
class DownloadFreeSpaceTest {

  private static final long MARGIN = 16L << 20;

  @TempDir Path dir;

  @StartStop
  final FakeInstallerBucket bucket = FakeInstallerBucket.builder().region("eu-west-3").build();

  private final List<Path> asked = new CopyOnWriteArrayList<>();

  private InstallerVerifier verifier(long freeBytes) {
    return InstallerVerifier.builder()
        .location(
            InstallerLocation.viaEndpoint(
                Region.EU_WEST_3, bucket.endpoint(), InstallerFlavor.BINARY))
        .backoff(Backoff.NONE)
        .sleeper(d -> {})
        .freeSpace(
            directory -> {
              asked.add(directory);
              return OptionalLong.of(freeBytes);
            })
        .build();
  }

  private long length() {
    return bucket.installer(InstallerFlavor.BINARY).length;
  }

  @Test
  void aLengthLargerThanTheFreeSpaceIsRefusedWithTheNumbersAndNothingIsLeft() throws Exception {
    long free = length() + MARGIN - 1;

    assertThatThrownBy(() -> verifier(free).download(dir.resolve("installer")))
        .isInstanceOf(InstallerFileException.class)
        .hasMessageContaining("not enough free space")
        .hasMessageContaining(length() + " bytes to download")
        .hasMessageContaining("need " + (length() + MARGIN))
        .hasMessageContaining("only " + free + " bytes are free");

    assertThat(asked).isNotEmpty().allSatisfy(d -> assertThat(d).startsWithRaw(dir));
    try (var left = Files.list(dir)) {
      assertThat(left).as("nothing written").isEmpty();
    }
  }

  @Test
  void exactlyEnoughRoomDownloads() {
    assertThat(verifier(length() + MARGIN).download(dir.resolve("installer")))
        .isInstanceOf(VerificationResult.Verified.class);
  }

  @Test
  void aResumeNeedsRoomOnlyForWhatIsLeft() {
    long cut = length() / 2;
    bucket.cutNextBodyAt(cut);
    // room for the whole file fails nothing; room for the rest only must be enough for the resume
    long free = length() - cut + MARGIN;
    InstallerVerifier verifier =
        InstallerVerifier.builder()
            .location(
                InstallerLocation.viaEndpoint(
                    Region.EU_WEST_3, bucket.endpoint(), InstallerFlavor.BINARY))
            .backoff(Backoff.NONE)
            .sleeper(d -> {})
            .freeSpace(
                directory -> {
                  asked.add(directory);
                  // the first request writes nothing yet: the whole file must fit
                  return OptionalLong.of(asked.size() == 1 ? length() + MARGIN : free);
                })
            .build();

    assertThat(verifier.download(dir.resolve("installer")))
        .isInstanceOf(VerificationResult.Verified.class);
    assertThat(asked).hasSize(2);
  }
}
