package dev.mgnagent.tests.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.Backoff;
import dev.mgnagent.Secret;
import dev.mgnagent.host.Host;
import dev.mgnagent.install.AgentInstallation;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.install.InstallationResult;
import dev.mgnagent.installer.DownloadSettings;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.installer.RegistrarSettings;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.installer.FakeInstaller;
import dev.mgnagent.testkit.installer.FakeInstallerBucket;
import dev.mgnagent.testkit.installer.LightInstaller;
import dev.mgnagent.testkit.mgn.FakeMgn;
import dev.mgnagent.testkit.sandbox.MgnSandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;

/**
 * {@value #HOSTS} installations of as many different fake hosts (own disks tree, hostname, MAC,
 * installer and bucket) at once from one JVM through the core API, against one fake MGN: as many
 * distinct source servers, none lost, none duplicated. The installer is the light stand-in (bash
 * and curl); the installations run on a pool of {@value #THREADS} threads. (Fleets of 50 to 500
 * hosts and their cost are measured by {@code bench/ParallelInstalls.java}.) (The status watcher's
 * cost over 5,000 servers, 5 {@code DescribeSourceServers} calls per refresh, is {@code
 * ReplicationWatcherTest.fiveThousandServersCostFiveCallsPerRefresh}.)
 */
class ParallelInstallsTest {

  static final int HOSTS = 20;
  static final int THREADS = 8;

  @TempDir Path temp;

  @Test
  void twentyHostsInstalledInParallelGetTwentyDistinctSourceServers() throws Exception {
    try (FakeMgn mgn =
        FakeMgn.builder()
            .region("eu-west-3")
            .initialized(true)
            .sandboxSimulation()
            .build()
            .start()) {
      // the installer's conversation is not what this test is about: the light stand-in (bash
      // and curl) spares a JVM per installation
      byte[] light = LightInstaller.builder().mgnEndpoint(mgn.endpoint()).build().launcher();
      List<MgnSandbox> sandboxes = new ArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<InstallationResult>> results = new ArrayList<>();
        for (int i = 0; i < HOSTS; i++) {
          // one sandbox per host (its own tree, installer and bucket), all sharing one MGN
          MgnSandbox sandbox =
              MgnSandbox.builder()
                  .sharedMgn(mgn)
                  .host(FakeBlockDeviceScenarios.virtioWithSeparateBoot())
                  .workDirectory(temp.resolve("host-" + i))
                  .hostname("parallel-" + i)
                  .macAddress(String.format(Locale.ROOT, "02:42:ac:11:%02x:%02x", i / 256, i % 256))
                  .flavors(InstallerFlavor.BINARY)
                  .build();
          sandboxes.add(sandbox);
          sandbox.start();
          FakeInstallerBucket bucket = sandbox.bucket();
          bucket.replaceInstaller(InstallerFlavor.BINARY, onHost(light, sandbox.hostRoot()));
          Host host = sandbox.host();
          results.add(pool.submit(() -> install(mgn, host, bucket)));
        }
        Set<String> ids = new HashSet<>();
        for (Future<InstallationResult> result : results) {
          InstallationResult r = result.get();
          assertThat(r.registeredDisks()).containsExactly("/dev/vda", "/dev/vdb");
          ids.add(r.sourceServerId().value());
        }

        assertThat(ids).hasSize(HOSTS);
        assertThat(mgn.sourceServers()).hasSize(HOSTS);
        assertThat(mgn.sourceServers())
            .extracting(s -> s.sourceServerID())
            .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(mgn.sourceServers())
            .extracting(s -> s.sourceProperties().identificationHints().hostname())
            .doesNotHaveDuplicates();
      } finally {
        pool.shutdownNow();
        sandboxes.forEach(MgnSandbox::close);
      }
    }
  }

  /**
   * The light installer for one sandbox's host: a local host's commands do not name its tree, so
   * the script is told which tree it runs on (the variable a fake SSH host's commands carry).
   */
  private static byte[] onHost(byte[] light, Path root) {
    String script = new String(light, StandardCharsets.UTF_8);
    int firstLine = script.indexOf('\n') + 1;
    return (script.substring(0, firstLine)
            + "export "
            + FakeInstaller.HOST_ROOT_VARIABLE
            + "='"
            + root
            + "'\n"
            + script.substring(firstLine))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static InstallationResult install(FakeMgn mgn, Host host, FakeInstallerBucket bucket) {
    return AgentInstallation.builder()
        .host(host)
        .runAsRoot(true)
        .registrarSettings(
            RegistrarSettings.builder()
                .installerTimeout(Duration.ofMinutes(2))
                .confirmationInterval(Duration.ofMillis(200))
                .confirmationAttempts(100)
                .build())
        .downloadSettings(
            DownloadSettings.builder()
                .maxAttempts(3)
                .backoff(Backoff.NONE)
                .stallTimeout(Duration.ofSeconds(10))
                .build())
        .build()
        .install(
            InstallRequest.builder()
                .region(Region.EU_WEST_3)
                .accessKeyId(mgn.adminCredentials().accessKeyId())
                .secretAccessKey(Secret.of(mgn.adminCredentials().secretAccessKey()))
                .endpoint(mgn.endpoint())
                .s3Endpoint(bucket.endpoint())
                .sandbox(true)
                .noPrompt(true)
                .build());
  }
}
