package dev.mgnagent.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.Backoff;
import dev.mgnagent.mgn.WatchSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The settings objects the step builders and {@code AgentInstallation.Builder} share. */
class SettingsTest {

  @Test
  void downloadDefaultsAndRoundTrip() {
    DownloadSettings defaults = DownloadSettings.defaults();
    assertThat(defaults.maxAttempts()).isEqualTo(5);
    assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(defaults.stallTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(DownloadSettings.builder().build().maxAttempts()).isEqualTo(defaults.maxAttempts());

    DownloadSettings custom =
        DownloadSettings.builder()
            .maxAttempts(9)
            .backoff(Backoff.NONE)
            .stallTimeout(Duration.ofSeconds(2))
            .connectTimeout(Duration.ofSeconds(3))
            .build();
    assertThat(custom.toBuilder().build()).isEqualTo(custom);
    assertThat(custom.toBuilder().maxAttempts(1).build().stallTimeout())
        .isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void downloadSettingsAreValidatedInBuild() {
    assertThatThrownBy(() -> DownloadSettings.builder().maxAttempts(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> DownloadSettings.builder().stallTimeout(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stallTimeout");
    assertThatThrownBy(
            () -> DownloadSettings.builder().connectTimeout(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("connectTimeout");
  }

  @Test
  void registrarDefaultsRoundTripAndValidation() {
    RegistrarSettings defaults = RegistrarSettings.defaults();
    assertThat(defaults.installerTimeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(defaults.confirmationInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(defaults.confirmationAttempts()).isEqualTo(30);

    RegistrarSettings custom =
        RegistrarSettings.builder()
            .installerTimeout(Duration.ofMinutes(1))
            .confirmationInterval(Duration.ofMillis(5))
            .confirmationAttempts(3)
            .build();
    assertThat(custom.toBuilder().build()).isEqualTo(custom);

    assertThatThrownBy(() -> RegistrarSettings.builder().confirmationAttempts(0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RegistrarSettings.builder().installerTimeout(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void watchHasOneDefaultTimeoutAndValidatesInBuild() {
    assertThat(WatchSettings.defaults().timeout())
        .isEqualTo(WatchSettings.DEFAULT_TIMEOUT)
        .isEqualTo(Duration.ofHours(6));
    assertThat(WatchSettings.defaults().interval()).isEqualTo(Duration.ofSeconds(10));
    WatchSettings custom =
        WatchSettings.builder()
            .interval(Duration.ofSeconds(1))
            .timeout(Duration.ofMinutes(1))
            .build();
    assertThat(custom.toBuilder().build()).isEqualTo(custom);

    assertThatThrownBy(() -> WatchSettings.builder().interval(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WatchSettings.builder().timeout(Duration.ofSeconds(-1)).build())
        .isInstanceOf(IllegalArgumentException.class);
  }
}
