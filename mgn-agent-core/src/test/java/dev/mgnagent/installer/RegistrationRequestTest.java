package dev.mgnagent.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.selection.SelectedDisk;
import dev.mgnagent.selection.Selection;
import dev.mgnagent.selection.SelectionReason;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** MGN's rules for the user-provided ID and tags, checked before the installer runs. */
class RegistrationRequestTest {

  private static RegistrationRequest.Builder request() {
    return RegistrationRequest.builder().region(Region.EU_WEST_3)
        .credentials(StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIAEXAMPLEKEYID0001", "secret-secret")))
        .selection(new Selection(List.of(new SelectedDisk("/dev/vda", "vda", 1L << 30,
            Set.of(SelectionReason.ROOT))), List.of(), false));
  }

  @Test
  void userProvidedIdFollowsMgnsPatternAndLength() {
    assertThat(request().userProvidedId("asset 7").build().userProvidedId()).contains("asset 7");
    assertThat(request().userProvidedId("a  b").build().userProvidedId()).contains("a  b");
    for (String bad : new String[] {"", " asset", "asset ", "a\tb", "a\u0000b",
        "x".repeat(257)}) {
      assertThatThrownBy(() -> request().userProvidedId(bad).build())
          .as("%s", bad).isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("userProvidedId");
    }
    assertThat(request().userProvidedId("x".repeat(256)).build().userProvidedId()).isPresent();
  }

  @Test
  void tagsFollowMgnsLimits() {
    assertThatThrownBy(() -> request().tags(Map.of("aws:owner", "x")).build())
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("aws:");
    assertThatThrownBy(() -> request().tags(Map.of("k", "v".repeat(257))).build())
        .isInstanceOf(InvalidRequestException.class).hasMessageContaining("256");
    assertThat(request().tags(Map.of("team", "blue")).build().tags()).containsEntry("team", "blue");
  }
}
