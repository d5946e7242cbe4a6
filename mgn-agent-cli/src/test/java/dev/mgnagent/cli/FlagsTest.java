package dev.mgnagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** The CLI's one table turns the core's API names into the flags a user types. */
class FlagsTest {

  @Test
  void theParameterAndEveryApiIdentifierBecomeFlags() {
    InvalidRequestException named =
        Flags.named(
            new InvalidRequestException("secretAccessKey", "secretAccessKey needs accessKeyId"));

    assertThat(named.parameter()).hasValue("--aws-secret-access-key");
    assertThat(named).hasMessage("--aws-secret-access-key needs --aws-access-key-id");
    assertThat(named.getCause()).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void aLeadingApiNameFollowedByAColonBecomesTheFlag() {
    assertThat(
            Flags.named(
                new InvalidRequestException(
                    "tags", "tags: the key 'aws:x' starts" + " with aws:, which AWS reserves")))
        .hasMessage("--tags: the key 'aws:x' starts with aws:, which AWS reserves");
  }

  @Test
  void aMessageNotStartingWithTheParameterIsPrefixedWithTheFlag() {
    assertThat(Flags.named(new InvalidRequestException("sha512", "'xyz' is not a SHA-512")))
        .hasMessage("--sha512: 'xyz' is not a SHA-512");
  }

  @Test
  void plainWordsInTheMessageStayWords() {
    assertThat(
            Flags.named(
                new InvalidRequestException(
                    "forceVolumes", "forceVolumes needs noPrompt and devices listing every disk")))
        .hasMessage("--force-volumes needs --no-prompt and devices listing every disk");
  }

  @Test
  void missingCredentialsGetTheCliAdvice() {
    assertThat(Flags.named(new InvalidRequestException("credentials", "no AWS credentials found")))
        .hasMessageStartingWith("no AWS credentials found (pass --aws-access-key-id")
        .hasMessageContaining("AWS_ACCESS_KEY_ID");
  }

  @Test
  void anExceptionAlreadyNamingAFlagIsLeftAsItIs() {
    InvalidRequestException flag = new InvalidRequestException("--host-root", "--host-root x");
    InvalidRequestException none = new InvalidRequestException(null, "something");

    assertThat(Flags.named(flag)).isSameAs(flag);
    assertThat(Flags.named(none)).isSameAs(none);
  }
}
