package dev.mgnagent.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Warning;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.regions.Region;

class InstallerLocationTest {

  @Test
  void regionalFormIsTheDefault() {
    InstallerLocation location = InstallerLocation.of(Region.of("eu-west-3"));

    assertThat(location.installerUrl())
        .isEqualTo(
            URI.create(
                "https://aws-application-migration-service-eu-west-3.s3.eu-west-3.amazonaws.com/latest/linux/aws-replication-installer-init"));
    assertThat(location.digestUrl())
        .isEqualTo(
            URI.create(
                "https://aws-application-migration-service-hashes-eu-west-3.s3.eu-west-3.amazonaws.com/latest/linux/aws-replication-installer-init.sha512"));
    assertThat(location.flavor()).isEqualTo(InstallerFlavor.BINARY);
    assertThat(location.warnings()).isEmpty();
  }

  @Test
  void shortFormForARegionThatIsNotOptIn() {
    InstallerLocation location =
        InstallerLocation.of(Region.of("us-east-1"), InstallerFlavor.BINARY, UrlStyle.SHORT);

    assertThat(location.installerUrl())
        .hasToString(
            "https://aws-application-migration-service-us-east-1.s3.amazonaws.com/latest/linux/aws-replication-installer-init");
    assertThat(location.digestUrl())
        .hasToString(
            "https://aws-application-migration-service-hashes-us-east-1.s3.us-east-1.amazonaws.com/latest/linux/aws-replication-installer-init.sha512");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "af-south-1",
        "ap-east-1",
        "ap-southeast-7",
        "eu-central-2",
        "il-central-1",
        "me-central-1"
      })
  void shortFormIsRefusedForOptInRegions(String region) {
    assertThatThrownBy(
            () -> InstallerLocation.of(Region.of(region), InstallerFlavor.BINARY, UrlStyle.SHORT))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining(region)
        .hasMessageContaining("opt-in");
  }

  @Test
  void dualStackFormForInstallerAndDigest() {
    InstallerLocation location =
        InstallerLocation.of(Region.of("ap-south-2"), InstallerFlavor.BINARY, UrlStyle.DUAL_STACK);

    assertThat(location.installerUrl())
        .hasToString(
            "https://aws-application-migration-service-ap-south-2.s3.dualstack.ap-south-2.amazonaws.com/latest/linux/aws-replication-installer-init");
    assertThat(location.digestUrl())
        .hasToString(
            "https://aws-application-migration-service-hashes-ap-south-2.s3.dualstack.ap-south-2.amazonaws.com/latest/linux/aws-replication-installer-init.sha512");
  }

  @Test
  void pythonFlavorHasItsOwnKeyAndDigest() {
    InstallerLocation location =
        InstallerLocation.of(Region.of("us-west-2"), InstallerFlavor.PYTHON, UrlStyle.REGIONAL);

    assertThat(location.installerUrl())
        .hasToString(
            "https://aws-application-migration-service-us-west-2.s3.us-west-2.amazonaws.com/latest/linux/aws-replication-installer-init.py");
    assertThat(location.digestUrl())
        .hasToString(
            "https://aws-application-migration-service-hashes-us-west-2.s3.us-west-2.amazonaws.com/latest/linux/aws-replication-installer-init.py.sha512");
  }

  @Test
  void vpcEndpointIsPathStyleAndABareHostMeansHttps() {
    InstallerLocation location =
        InstallerLocation.viaEndpoint(
            Region.of("us-east-1"),
            URI.create("bucket.vpce-0a1b2c3d-4e5f.s3.us-east-1.vpce.amazonaws.com"),
            InstallerFlavor.BINARY);

    assertThat(location.installerUrl())
        .hasToString(
            "https://bucket.vpce-0a1b2c3d-4e5f.s3.us-east-1.vpce.amazonaws.com/aws-application-migration-service-us-east-1/latest/linux/aws-replication-installer-init");
    assertThat(location.digestUrl())
        .hasToString(
            "https://bucket.vpce-0a1b2c3d-4e5f.s3.us-east-1.vpce.amazonaws.com/aws-application-migration-service-hashes-us-east-1/latest/linux/aws-replication-installer-init.sha512");
  }

  @Test
  void endpointKeepsPortAndPathPrefixAndDropsTrailingSlashes() {
    InstallerLocation location =
        InstallerLocation.viaEndpoint(
            Region.of("eu-west-1"),
            URI.create("https://mirror.example.com:8443/s3//"),
            InstallerFlavor.PYTHON);

    assertThat(location.installerUrl())
        .hasToString(
            "https://mirror.example.com:8443/s3/aws-application-migration-service-eu-west-1/latest/linux/aws-replication-installer-init.py");
    assertThat(location.digestUrl())
        .hasToString(
            "https://mirror.example.com:8443/s3/aws-application-migration-service-hashes-eu-west-1/latest/linux/aws-replication-installer-init.py.sha512");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:9000",
        "http://127.8.9.10",
        "http://localhost:1234/",
        "http://[::1]:8080"
      })
  void plainHttpIsAcceptedForLoopback(String endpoint) {
    InstallerLocation location =
        InstallerLocation.viaEndpoint(
            Region.of("us-east-1"), URI.create(endpoint), InstallerFlavor.BINARY);

    assertThat(location.installerUrl().getScheme()).isEqualTo("http");
    assertThat(location.installerUrl().getPath())
        .isEqualTo(
            "/aws-application-migration-service-us-east-1/latest/linux/aws-replication-installer-init");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://s3.us-east-1.amazonaws.com",
        "http://10.0.0.5",
        "http://127.0.0.1.example.com",
        "http://localhost.evil.com"
      })
  void plainHttpIsRefusedForAnythingElse(String endpoint) {
    assertThatThrownBy(
            () ->
                InstallerLocation.viaEndpoint(
                    Region.of("us-east-1"), URI.create(endpoint), InstallerFlavor.BINARY))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("loopback");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"ftp://host", "https://user:pw@host", "https://host/?x=1", "", "https:///"})
  void malformedEndpointsAreInvalidRequests(String endpoint) {
    assertThatThrownBy(
            () ->
                InstallerLocation.viaEndpoint(
                    Region.of("us-east-1"), URI.create(endpoint), InstallerFlavor.BINARY))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("S3 endpoint");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "US-EAST-1",
        "us-east",
        "useast1",
        "us_east_1",
        "eu-west-3 ",
        "../etc",
        "us-east-1.evil.com"
      })
  void malformedRegionsAreInvalidRequests(String region) {
    assertThatThrownBy(() -> InstallerLocation.of(Region.of(region)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("not a region name");
  }

  @Test
  void wellFormedUnknownRegionWarnsAndUsesTheRegionalForm() {
    InstallerLocation location =
        InstallerLocation.of(Region.of("xx-north-9"), InstallerFlavor.BINARY, UrlStyle.SHORT);

    assertThat(location.installerUrl().getHost())
        .isEqualTo("aws-application-migration-service-xx-north-9.s3.xx-north-9.amazonaws.com");
    assertThat(location.warnings())
        .singleElement()
        .satisfies(w -> assertThat(w.code()).isEqualTo(Warning.Code.UNKNOWN_REGION))
        .satisfies(w -> assertThat(w.message()).contains("xx-north-9"));
  }

  @Test
  void govCloudRegionsAreKnown() {
    assertThat(InstallerLocation.of(Region.of("us-gov-west-1")).warnings()).isEmpty();
  }

  @Test
  void explicitUrlsMustBeHttpsOrLoopbackHttp() {
    URI ok = URI.create("http://127.0.0.1:1/a");
    URI remote = URI.create("http://mirror.example.com/a");

    assertThat(InstallerLocation.at(ok, ok, InstallerFlavor.BINARY).installerUrl()).isEqualTo(ok);
    assertThatThrownBy(() -> InstallerLocation.at(remote, ok, InstallerFlavor.BINARY))
        .isInstanceOf(InvalidRequestException.class);
  }
}
