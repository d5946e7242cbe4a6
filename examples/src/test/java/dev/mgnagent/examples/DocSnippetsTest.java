package dev.mgnagent.examples;

import static dev.mgnagent.testkit.disk.Sizes.GiB;
import static dev.mgnagent.testkit.disk.Sizes.MiB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.Backoff;
import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Tags;
import dev.mgnagent.disk.DevicePaths;
import dev.mgnagent.disk.DiskInventory;
import dev.mgnagent.disk.Inventory;
import dev.mgnagent.event.EventListener;
import dev.mgnagent.host.Host;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.installer.DownloadFinished;
import dev.mgnagent.installer.DownloadRetrying;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.installer.InstallerLocation;
import dev.mgnagent.installer.InstallerVerifier;
import dev.mgnagent.installer.VerificationResult;
import dev.mgnagent.preflight.CheckStatus;
import dev.mgnagent.preflight.Preflight;
import dev.mgnagent.preflight.PreflightReport;
import dev.mgnagent.selection.ReplicationSelection;
import dev.mgnagent.selection.Selection;
import dev.mgnagent.selection.SelectionRequest;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.disk.FakeBlockDevices;
import dev.mgnagent.testkit.host.FakeLinuxHost;
import dev.mgnagent.testkit.host.FakeLinuxHosts;
import dev.mgnagent.testkit.installer.FakeInstallerBucket;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/**
 * The code shown in README.md and docs/, each between {@code // snippet:NAME} and {@code //
 * end-snippet}. Every snippet runs here against the testkit's fakes; {@link DocSnippetsTest} fails
 * when a marked block of a document differs from its region here.
 */
class DocSnippetsTest {

  @TempDir Path temp;

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

  @Test
  void libraryQuickStartSelectsThroughAnAlias() {
    Host host = LocalHost.rootedAt(FakeBlockDeviceScenarios.nitroNvme().writeTo(temp));

    // snippet:readme-library
    Inventory inventory = DiskInventory.of(host).read(); // host = LocalHost.create() on a server
    Selection selection =
        ReplicationSelection.of(inventory, DevicePaths.of(host))
            .select(SelectionRequest.devices("/dev/sdf")); // an alias of a data disk
    selection.disks().forEach(d -> out.println(d.path() + " " + d.orderedReasons()));
    out.println("--devices " + selection.devicesArgument());
    // end-snippet

    assertThat(printed())
        .containsExactly(
            "/dev/nvme0n1 [ROOT]",
            "/dev/nvme1n1 [VIA_ALIAS]",
            "--devices /dev/nvme0n1,/dev/nvme1n1");
  }

  // snippet:readme-testkit
  @Test
  void dataDiskIsSelectedThroughItsPartition() {
    Path root =
        FakeBlockDevices.builder()
            .scsiDisk("sda", GiB(20))
            .partition(1, GiB(1))
            .partition(2, GiB(19) - MiB(2))
            .done()
            .nvmeDisk("nvme0n1", GiB(100))
            .alias("xvdf")
            .partition(1, GiB(99))
            .done()
            .lvmVolume("vg0", "root", GiB(18), "sda2")
            .mount("/", "vg0-root", "xfs")
            .mount("/boot", "sda1", "xfs")
            .writeTo(temp);
    Host host = LocalHost.rootedAt(root);

    Inventory inventory = DiskInventory.of(host).read();
    Selection selection =
        ReplicationSelection.of(inventory, DevicePaths.of(host))
            .select(SelectionRequest.devices("/dev/xvdf"));

    assertThat(selection.paths()).containsExactly("/dev/nvme0n1", "/dev/sda");
  }

  // end-snippet

  @Test
  void verifierReportsRetriesAndTheEndThroughTypedListeners() throws Exception {
    try (FakeInstallerBucket bucket =
        FakeInstallerBucket.builder().region("eu-west-3").build().start()) {
      bucket.cutNextBodyAt(300_000);
      InstallerLocation location =
          InstallerLocation.viaEndpoint(
              Region.EU_WEST_3, bucket.endpoint(), InstallerFlavor.BINARY);
      Path target = temp.resolve("aws-replication-installer-init");

      // snippet:library-events
      EventListener listener =
          EventListener.on(
                  DownloadRetrying.class, r -> out.println("retry from " + r.resumeFromByte()))
              .andOn(DownloadFinished.class, f -> out.println("got " + f.sizeBytes() + " bytes"));
      VerificationResult result =
          InstallerVerifier.builder()
              .location(location) // InstallerLocation.of(Region.EU_WEST_3) against AWS
              .backoff(Backoff.exponential(Duration.ofMillis(10), Duration.ofMillis(100)))
              .eventListener(listener)
              .build()
              .download(target);
      // end-snippet

      assertThat(result).isInstanceOf(VerificationResult.Verified.class);
      assertThat(printed()).hasSize(2);
      assertThat(printed().get(0)).isEqualTo("retry from 300000");
      assertThat(printed().get(1)).startsWith("got ");
    }
  }

  @Test
  void preflightListsWhatToFixOnATroubledServer() {
    FakeLinuxHost fake = FakeLinuxHosts.troubledUbuntu1404().writeTo(temp);
    Host host = fake;

    // snippet:library-preflight
    PreflightReport report =
        Preflight.builder()
            .host(host) // LocalHost.create(), a FakeLinuxHost, ...
            .fileSystemSpace(fake.space()) // optional: statvfs of / by default
            .build() // .region(...) adds the network and credentials checks
            .run();
    report.withStatus(CheckStatus.FAIL).forEach(c -> out.println(c.id() + ": " + c.remedy()));
    // end-snippet

    assertThat(report.hasFailures()).isTrue();
    assertThat(printed()).isNotEmpty().allMatch(line -> line.matches("[a-z0-9.-]+: .+"));
  }

  @Test
  void badInputIsAnInvalidRequestNamingTheParameter() {
    // snippet:library-errors
    try {
      Tags.builder().add("aws:owner", "billing").build();
    } catch (InvalidRequestException e) {
      out.println(e.parameter().orElse("?") + ": " + e.getMessage());
    }
    // end-snippet

    assertThat(printed()).hasSize(1);
    assertThat(printed().get(0)).startsWith("tags: ");
  }

  private List<String> printed() {
    return buffer.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
