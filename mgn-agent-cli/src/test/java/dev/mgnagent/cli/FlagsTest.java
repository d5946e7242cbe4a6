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

  @Test
  void coreRemediesAndSummariesNameTheFlagsTheUserTypes() {
    // the words core uses (PreflightGate, ServiceCheck, NetworkChecks)
    assertThat(
            Flags.inCliTerms(
                "preflight failed 1 check(s), first space.root: 1 GB free; free space (run"
                    + " 'mgn-agent preflight' for all of them, or skip them with skipPreflight)"))
        .endsWith("or skip them with --skip-preflight)");
    assertThat(Flags.inCliTerms("2 checks, 1 failed: [space.root] (skipPreflight: not stopping)"))
        .isEqualTo("2 checks, 1 failed: [space.root] (--skip-preflight: not stopping)");
    assertThat(Flags.inCliTerms("or initialize it with initializeService"))
        .isEqualTo("or initialize it with --initialize-service");
    assertThat(Flags.inCliTerms("no region or s3Endpoint given; no replicationServer given"))
        .isEqualTo("no region or --s3-endpoint given; no --replication-server given");
    assertThat(Flags.inCliTerms("check the sourceServerId and the region"))
        .isEqualTo("check the --source-server-id and the region");
  }
}
