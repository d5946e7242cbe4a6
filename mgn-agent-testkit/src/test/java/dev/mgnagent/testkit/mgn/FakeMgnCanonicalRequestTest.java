package dev.mgnagent.testkit.mgn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.mgn.MgnServiceException;
import dev.mgnagent.mgn.ReplicationStatusReader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.MgnException;

/**
 * A bad signature with session credentials: the fake quotes the canonical request, token included,
 * as AWS does; core's message keeps only the first sentence, so the token is not in it.
 */
class FakeMgnCanonicalRequestTest {

  @Test
  void theTokenIsInTheServiceMessageAndNowhereInCoresMessage() {
    AwsSessionCredentials session =
        AwsSessionCredentials.create(
            "ASIACANONICAL0000001", "s".repeat(40), "canary-token-" + "q".repeat(40));
    AwsSessionCredentials wrongSecret =
        AwsSessionCredentials.create(session.accessKeyId(), "w".repeat(40), session.sessionToken());
    try (FakeMgn mgn = FakeMgn.builder().initialized(true).build().start()) {
      mgn.addCredentials(session, Set.of("mgn:*"));
      try (MgnClient client = mgn.newClient(StaticCredentialsProvider.create(wrongSecret))) {
        assertThatThrownBy(() -> client.describeSourceServers(r -> {}))
            .isInstanceOfSatisfying(
                MgnException.class,
                e -> {
                  assertThat(e.awsErrorDetails().errorCode())
                      .isEqualTo("InvalidSignatureException");
                  assertThat(e.awsErrorDetails().errorMessage())
                      .contains("The Canonical String for this request should have been")
                      .contains("POST\n/DescribeSourceServers\n")
                      .contains("x-amz-security-token:" + session.sessionToken())
                      .contains("The String-to-Sign should have been");
                });
        // core's reading of the same answer
        assertThatThrownBy(() -> ReplicationStatusReader.of(client).read(java.util.List.of()))
            .isInstanceOf(MgnServiceException.class)
            .hasMessageStartingWith("MGN rejected the request signature")
            .hasMessageContaining("does not match the signature you provided.")
            .hasMessageNotContaining(session.sessionToken())
            .hasMessageNotContaining("Canonical String")
            .hasMessageNotContaining("w".repeat(40));
      }
    }
  }
}
