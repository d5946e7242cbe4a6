package dev.mgnagent.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.installer.InstallerFlavor;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class PreflightSettingsTest {

  @Test
  void nothingIsRequired() {
    PreflightSettings settings = PreflightSettings.hostOnly();

    assertThat(settings.region()).isEmpty();
    assertThat(settings.flavor()).isEqualTo(InstallerFlavor.BINARY);
    assertThat(settings.probeTimeout()).isEqualTo(PreflightSettings.DEFAULT_PROBE_TIMEOUT);
  }

  @Test
  void toBuilderRoundTrips() {
    PreflightSettings settings =
        PreflightSettings.builder()
            .region(Region.EU_WEST_3)
            .endpoint(URI.create("https://mgn.example"))
            .s3Endpoint(URI.create("s3.example"))
            .replicationServer("10.0.0.5")
            .flavor(InstallerFlavor.PYTHON)
            .probeTimeout(Duration.ofSeconds(2))
            .build();

    assertThat(settings.toBuilder().build()).isEqualTo(settings);
    assertThat(settings.replicationServer()).hasValue("10.0.0.5");
    assertThat(settings.s3Endpoint()).hasValue(URI.create("https://s3.example"));
  }

  @Test
  void badValuesAreRefusedInBuildByTheirApiName() {
    assertInvalid(PreflightSettings.builder().region(Region.of("EU-WEST-3")), "region");
    assertInvalid(
        PreflightSettings.builder().endpoint(URI.create("ftp://mgn.example")), "endpoint");
    assertInvalid(
        PreflightSettings.builder().s3Endpoint(URI.create("http://s3.example")), "s3Endpoint");
    assertInvalid(PreflightSettings.builder().replicationServer("a b"), "replicationServer");
    assertThatThrownBy(() -> PreflightSettings.builder().probeTimeout(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertInvalid(PreflightSettings.Builder builder, String parameter) {
    assertThatThrownBy(builder::build)
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.parameter()).hasValue(parameter));
  }
}
