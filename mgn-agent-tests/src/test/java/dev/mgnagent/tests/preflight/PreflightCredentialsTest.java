package dev.mgnagent.tests.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.mgnagent.preflight.CheckResult;
import dev.mgnagent.preflight.CheckStatus;
import dev.mgnagent.preflight.Preflight;
import dev.mgnagent.testkit.host.FakeLinuxHost;
import dev.mgnagent.testkit.host.FakeLinuxHosts;
import dev.mgnagent.testkit.mgn.FakeMgn;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mgn.MgnClient;

/** {@code credentials.mgn} against the fake MGN: admin keys, installer keys, uninitialized. */
class PreflightCredentialsTest {

  @TempDir Path temp;

  private CheckResult credentialsCheck(FakeMgn mgn, AwsCredentials keys) {
    FakeLinuxHost host =
        FakeLinuxHosts.healthyRhel9().writeTo(temp.resolve("h" + System.nanoTime()));
    return Preflight.builder()
        .host(host)
        .fileSystemSpace(host.space())
        .region(mgn.region())
        .endpoint(mgn.endpoint())
        .credentialsProvider(StaticCredentialsProvider.create(keys))
        .probeTimeout(Duration.ofSeconds(3))
        .build()
        .run()
        .check("credentials.mgn")
        .orElseThrow();
  }

  @Test
  void anEndpointThatNeverAnswersFailsTheCheckInsteadOfHanging() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      FakeLinuxHost host = FakeLinuxHosts.healthyRhel9().writeTo(temp.resolve("silent"));
      CheckResult r =
          assertTimeoutPreemptively(
              Duration.ofSeconds(60),
              () ->
                  Preflight.builder()
                      .host(host)
                      .fileSystemSpace(host.space())
                      .region(Region.EU_WEST_3)
                      .endpoint(URI.create("http://127.0.0.1:" + silent.getLocalPort()))
                      .credentialsProvider(
                          StaticCredentialsProvider.create(
                              AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "k".repeat(40))))
                      .probeTimeout(Duration.ofMillis(300))
                      .build()
                      .run()
                      .check("credentials.mgn")
                      .orElseThrow());

      assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
    }
  }

  @Test
  void adminKeysOnAnInitializedRegionPass() {
    try (FakeMgn mgn = FakeMgn.builder().initialized(true).build().start()) {
      CheckResult r = credentialsCheck(mgn, mgn.adminCredentials());

      assertThat(r.status()).isEqualTo(CheckStatus.PASS);
      assertThat(r.evidence()).contains("DescribeSourceServers succeeded in us-east-1");
    }
  }

  @Test
  void anUninitializedRegionFailsWithTheInitServiceRemedy() {
    try (FakeMgn mgn = FakeMgn.builder().region("eu-west-3").build().start()) {
      CheckResult r = credentialsCheck(mgn, mgn.adminCredentials());

      assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
      assertThat(r.evidence()).contains("not initialized in eu-west-3");
      assertThat(r.remedy()).contains("initialize MGN in eu-west-3");
      assertThat(mgn.isInitialized()).as("preflight changes nothing").isFalse();
    }
  }

  @Test
  void installerKeysAreExplainedAsAWarning() {
    try (FakeMgn mgn = FakeMgn.builder().initialized(true).build().start()) {
      CheckResult r = credentialsCheck(mgn, mgn.installerCredentials());

      assertThat(r.status()).isEqualTo(CheckStatus.WARN);
      assertThat(r.evidence()).contains("AWSApplicationMigrationAgentInstallationPolicy");
      assertThat(r.remedy()).contains("(a profile)");
    }
  }

  @Test
  void unknownKeysFailWithoutShowingTheSecret() {
    try (FakeMgn mgn = FakeMgn.builder().initialized(true).build().start()) {
      AwsBasicCredentials stranger =
          AwsBasicCredentials.create("AKIAUNKNOWN000000000", "not-a-real-secret-0123456789");
      CheckResult r = credentialsCheck(mgn, stranger);

      assertThat(r.status()).isEqualTo(CheckStatus.FAIL);
      assertThat(r.evidence()).contains("does not recognize the access key");
      assertThat(r.evidence() + r.remedy()).doesNotContain("not-a-real-secret");
    }
  }

  @Test
  void aClientOfTheCallersIsUsedAndLeftOpen() {
    try (FakeMgn mgn = FakeMgn.builder().initialized(true).build().start();
        MgnClient client = mgn.newClient()) {
      FakeLinuxHost host = FakeLinuxHosts.healthyRhel9().writeTo(temp.resolve("c"));
      CheckResult r =
          Preflight.builder()
              .host(host)
              .fileSystemSpace(host.space())
              .mgnClient(client)
              .build()
              .run()
              .check("credentials.mgn")
              .orElseThrow();

      assertThat(r.status()).isEqualTo(CheckStatus.PASS);
      client.describeSourceServers(b -> b.maxResults(1));
    }
  }

  @Test
  void withoutCredentialsTheCheckIsSkippedSayingSo() {
    FakeLinuxHost host = FakeLinuxHosts.healthyRhel9().writeTo(temp.resolve("n"));
    CheckResult r =
        Preflight.builder()
            .host(host)
            .fileSystemSpace(host.space())
            .tcpConnector((h, p, t) -> {})
            .region(software.amazon.awssdk.regions.Region.US_EAST_1)
            .build()
            .run()
            .check("credentials.mgn")
            .orElseThrow();

    assertThat(r.status()).isEqualTo(CheckStatus.SKIPPED);
    assertThat(r.evidence()).startsWith("no credentials given");
  }
}
