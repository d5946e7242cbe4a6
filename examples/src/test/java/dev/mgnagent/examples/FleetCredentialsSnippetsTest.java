package dev.mgnagent.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.credentials.AssumeRoleMinter;
import dev.mgnagent.fleet.FleetHost;
import dev.mgnagent.fleet.FleetInstallation;
import dev.mgnagent.fleet.FleetResult;
import dev.mgnagent.fleet.HostConnector;
import dev.mgnagent.fleet.HostStatus;
import dev.mgnagent.fleet.HostUnreachableException;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.testkit.aws.FakeSts;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The Java code of docs/fleet-credentials.md, run against the fake STS: the minter hands out a set
 * of the role's keys; the fleet (whose one host cannot be reached) asks for none.
 */
class FleetCredentialsSnippetsTest {

  private static final String ROLE = "arn:aws:iam::111122223333:role/mgn-install";

  @Test
  void theMinterHandsOutOneSetAndTheFleetTakesItPerHost() {
    try (FakeSts sts = FakeSts.builder().region("eu-west-3").build().start().addRole(ROLE)) {
      HostConnector connector =
          host -> {
            throw new HostUnreachableException("UNREACHABLE", "no such host", "check it");
          };
      InstallRequest request =
          InstallRequest.builder().region(Region.EU_WEST_3).noPrompt(true).build();
      FleetResult result =
          install(
              List.of(FleetHost.of("web-1")),
              connector,
              request,
              StaticCredentialsProvider.create(sts.adminCredentials()),
              sts.endpoint(),
              sts);
      assertThat(result.outcomes().get(0).status()).isEqualTo(HostStatus.UNREACHABLE);
    }
  }

  private static FleetResult install(
      List<FleetHost> hosts,
      HostConnector connector,
      InstallRequest request,
      AwsCredentialsProvider operatorCredentialsProvider,
      URI stsEndpoint,
      FakeSts sts) {
    FleetResult result;
    // snippet:fleet-install-credentials
    try (AssumeRoleMinter minter =
        AssumeRoleMinter.builder()
            .roleArn("arn:aws:iam::111122223333:role/mgn-install")
            .region(Region.EU_WEST_3)
            .credentials(operatorCredentialsProvider)
            .duration(Duration.ofHours(1))
            .installerTimeout(Duration.ofMinutes(30)) // the installations' timeout
            .stsEndpoint(stsEndpoint) // leave out for the region's STS
            .build()) {
      result =
          FleetInstallation.builder()
              .hosts(hosts)
              .connector(connector)
              .request(request) // the operator's request; its keys are not typed into installers
              .installCredentials(minter::current)
              .build()
              .install();
    }
    // end-snippet
    // no host started: no set was taken
    assertThat(sts.assumeRoleCalls()).isEmpty();
    try (AssumeRoleMinter minter =
        AssumeRoleMinter.builder()
            .roleArn(ROLE)
            .region(Region.EU_WEST_3)
            .credentials(operatorCredentialsProvider)
            .stsEndpoint(stsEndpoint)
            .build()) {
      assertThat(minter.current().accessKeyId()).startsWith("ASIA");
      assertThat(minter.current()).isSameAs(minter.current());
    }
    assertThat(sts.assumeRoleCalls()).hasSize(1);
    return result;
  }
}
