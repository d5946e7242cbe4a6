package dev.mgnagent.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Secret;
import dev.mgnagent.Tags;
import dev.mgnagent.installer.InstallerFlavor;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

class InstallRequestTest {

  private static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  private static InstallRequest.Builder minimal() {
    return InstallRequest.builder().region(Region.EU_WEST_3);
  }

  private static InstallRequest everything() {
    return InstallRequest.builder()
        .region(Region.EU_WEST_3)
        .accessKeyId(KEY_ID)
        .secretAccessKey(Secret.of(SECRET))
        .sessionToken(Secret.of("token-value"))
        .profile("ops")
        .devices("/dev/sda,/dev/sdb")
        .forceVolumes(true)
        .noPrompt(true)
        .tags(Tags.builder().add("app", "billing").add("env", "prod").build())
        .s3Endpoint(URI.create("https://bucket.vpce-1.s3.eu-west-3.vpce.amazonaws.com"))
        .endpoint(URI.create("https://mgn.dualstack.eu-west-3.amazonaws.com"))
        .userProvidedId("cmdb-4711")
        .noReplication(true)
        .dualstack(true)
        .flavor(InstallerFlavor.PYTHON)
        .initializeService(true)
        .skipPreflight(true)
        .allowSecretOnCommandLine(true)
        .watch(true)
        .build();
  }

  @Test
  void onlyTheRegionIsRequiredAndTheDefaultsAreTheInstallersOwn() {
    InstallRequest request = minimal().build();

    assertThat(request.region()).isEqualTo(Region.EU_WEST_3);
    assertThat(request.flavor()).isEqualTo(InstallerFlavor.BINARY);
    assertThat(request.tags().isEmpty()).isTrue();
    assertThat(request.devices()).isEmpty();
    assertThat(request.forceVolumes()).isFalse();
    assertThat(request.hasExplicitKeys()).isFalse();
  }

  @Test
  void withoutARegionBuildRefusesNamingIt() {
    assertInvalid(InstallRequest.builder(), "region");
  }

  @Test
  void aMalformedRegionIsRefused() {
    assertInvalid(InstallRequest.builder().region(Region.of("US-EAST-1")), "region");
  }

  @Test
  void toBuilderRoundTripsEveryValue() {
    InstallRequest request = everything();

    assertThat(request.toBuilder().build()).isEqualTo(request).hasSameHashCodeAs(request);
    assertThat(minimal().build().toBuilder().build()).isEqualTo(minimal().build());
  }

  @Test
  void toBuilderChangesACopyOnly() {
    InstallRequest request = everything();

    InstallRequest changed = request.toBuilder().userProvidedId("other").build();

    assertThat(changed.userProvidedId()).hasValue("other");
    assertThat(request.userProvidedId()).hasValue("cmdb-4711");
    assertThat(changed).isNotEqualTo(request);
  }

  @Test
  void theSecretsNeverShowInToString() {
    assertThat(everything().toString())
        .doesNotContain(SECRET)
        .doesNotContain("token-value")
        .contains(KEY_ID)
        .contains("app=billing");
  }

  @Test
  void eachRuleNamesItsApiParameterAndNoFlag() {
    assertInvalid(minimal().accessKeyId("lower-case"), "accessKeyId");
    assertInvalid(minimal().secretAccessKey(Secret.of(SECRET)), "secretAccessKey");
    assertInvalid(minimal().accessKeyId(KEY_ID).secretAccessKey(Secret.of("")), "secretAccessKey");
    assertInvalid(
        minimal()
            .accessKeyId(KEY_ID)
            .secretAccessKey(Secret.of(SECRET))
            .sessionToken(Secret.of("has space")),
        "sessionToken");
    assertInvalid(minimal().sessionToken(Secret.of("token")), "sessionToken");
    assertInvalid(minimal().forceVolumes(true).devices("/dev/sda"), "forceVolumes");
    assertInvalid(minimal().forceVolumes(true).noPrompt(true), "forceVolumes");
    assertInvalid(minimal().dualstack(true), "dualstack");
    assertInvalid(minimal().userProvidedId(" "), "userProvidedId");
    assertInvalid(minimal().userProvidedId("line\nbreak"), "userProvidedId");
    assertInvalid(minimal().profile("p".repeat(300)), "profile");
    assertInvalid(
        minimal()
            .accessKeyId(KEY_ID)
            .secretAccessKey(Secret.of(SECRET))
            .forceVolumes(true)
            .noPrompt(true)
            .devices("/dev/sda"),
        "forceVolumes");
  }

  @Test
  void theForcedVolumesRuleIsTheSelectionRequests() {
    InstallRequest request =
        minimal().forceVolumes(true).noPrompt(true).devices("/dev/sda").build();

    assertThat(request.selection().forceVolumes()).isTrue();
    assertThat(request.selection().devices()).hasValue("/dev/sda");
  }

  @Test
  void aSecretIsNeverRepeatedInAMessage() {
    String bad = "secret with spaces that is long enough";
    assertThatThrownBy(() -> minimal().accessKeyId(KEY_ID).secretAccessKey(Secret.of(bad)).build())
        .hasMessageNotContaining(bad)
        .hasMessageContaining("value not shown");
  }

  private static void assertInvalid(InstallRequest.Builder builder, String parameter) {
    assertThatThrownBy(builder::build)
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.parameter()).as(e.getMessage()).hasValue(parameter))
        .hasMessageNotContaining("--");
  }

  @Test
  void aPlainHttpS3EndpointNeedsAPinnedDigestOrASandbox() {
    InstallRequest.Builder http =
        InstallRequest.builder()
            .region(Region.EU_WEST_3)
            .s3Endpoint(URI.create("http://127.0.0.1:9000"));

    assertThatThrownBy(http::build)
        .isInstanceOf(dev.mgnagent.InvalidRequestException.class)
        .hasMessageContaining("s3Endpoint http://127.0.0.1:9000 is plain http")
        .hasMessageContaining("installerSha512");
    assertThat(http.installerSha512("AB".repeat(64)).build().installerSha512())
        .hasValue("ab".repeat(64));
    assertThat(
            InstallRequest.builder()
                .region(Region.EU_WEST_3)
                .s3Endpoint(URI.create("http://127.0.0.1:9000"))
                .sandbox(true)
                .build()
                .sandbox())
        .isTrue();
    assertThatThrownBy(() -> InstallRequest.builder().installerSha512("abc"))
        .isInstanceOf(dev.mgnagent.InvalidRequestException.class);
  }
}
