package dev.mgnagent.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Tags;
import dev.mgnagent.selection.Selection;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class RegistrationRequestTest {

  private static final AwsCredentialsProvider KEYS = AnonymousCredentialsProvider.create();
  private static final Selection NONE = new Selection(List.of(), List.of(), false);

  private static RegistrationRequest.Builder minimal() {
    return RegistrationRequest.builder().region(Region.US_EAST_1).credentials(KEYS).selection(NONE);
  }

  @Test
  void regionCredentialsAndSelectionAreRequired() {
    assertInvalid(RegistrationRequest.builder().credentials(KEYS).selection(NONE), "region");
    assertInvalid(
        RegistrationRequest.builder().region(Region.US_EAST_1).selection(NONE), "credentials");
    assertInvalid(
        RegistrationRequest.builder().region(Region.US_EAST_1).credentials(KEYS), "selection");
  }

  @Test
  void dualstackNeedsAnEndpoint() {
    assertInvalid(minimal().dualstack(true), "dualstack");
    assertThat(
            minimal()
                .dualstack(true)
                .endpoint(URI.create("https://mgn.example"))
                .build()
                .dualstack())
        .isTrue();
  }

  @Test
  void toBuilderRoundTripsEveryValue() {
    RegistrationRequest request =
        minimal()
            .tags(Tags.builder().add("b", "2").add("a", "1").build())
            .endpoint(URI.create("https://mgn.example"))
            .s3Endpoint(URI.create("https://s3.example"))
            .userProvidedId("id-1")
            .noReplication(true)
            .dualstack(true)
            .allowSecretOnCommandLine(true)
            .build();

    assertThat(request.toBuilder().build()).isEqualTo(request).hasSameHashCodeAs(request);
    assertThat(request.tags().asMap().keySet()).containsExactly("b", "a");
    assertThat(request.toBuilder().noReplication(false).build()).isNotEqualTo(request);
  }

  private static void assertInvalid(RegistrationRequest.Builder builder, String parameter) {
    assertThatThrownBy(builder::build)
        .isInstanceOfSatisfying(
            InvalidRequestException.class, e -> assertThat(e.parameter()).hasValue(parameter))
        .hasMessageNotContaining("--");
  }

  @Test
  void userProvidedIdFollowsMgnsPatternAndLength() {
    RegistrationRequest.Builder request =
        RegistrationRequest.builder().region(Region.EU_WEST_3).credentials(KEYS).selection(NONE);
    assertThat(request.userProvidedId("asset 7").build().userProvidedId()).contains("asset 7");
    assertThat(request.userProvidedId("a  b").build().userProvidedId()).contains("a  b");
    for (String bad : new String[] {"", " asset", "asset ", "a\tb", "a\u0000b", "x".repeat(257)}) {
      assertThatThrownBy(() -> request.userProvidedId(bad).build())
          .as("%s", bad)
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("userProvidedId");
    }
    assertThat(request.userProvidedId("x".repeat(256)).build().userProvidedId()).isPresent();
  }
}
