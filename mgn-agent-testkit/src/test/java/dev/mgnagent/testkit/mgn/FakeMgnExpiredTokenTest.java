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

/** An expired session token, as the fake MGN answers it and as core explains it. */
class FakeMgnExpiredTokenTest {

  @Test
  void anExpiredSessionIsExpiredTokenExceptionAndCoreSaysGetNewOnes() {
    AwsSessionCredentials session =
        AwsSessionCredentials.create(
            "ASIAEXPIRED000000001", "s".repeat(40), "session-token-" + "t".repeat(40));
    try (FakeMgn mgn = FakeMgn.builder().initialized(true).build().start()) {
      mgn.addCredentials(session, Set.of("mgn:*"));
      try (MgnClient client = mgn.newClient(StaticCredentialsProvider.create(session))) {
        assertThat(client.describeSourceServers(r -> {}).items()).isEmpty();
        mgn.expireCredentials(session.accessKeyId());

        assertThatThrownBy(() -> client.describeSourceServers(r -> {}))
            .isInstanceOfSatisfying(
                MgnException.class,
                e -> {
                  assertThat(e.statusCode()).isEqualTo(403);
                  assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException");
                });
        // core's reading of the same answer
        assertThatThrownBy(() -> ReplicationStatusReader.of(client).read(java.util.List.of()))
            .isInstanceOf(MgnServiceException.class)
            .hasMessageStartingWith("temporary credentials expired")
            .hasMessageContaining("get new ones")
            .hasMessageNotContaining(session.sessionToken())
            .hasMessageNotContaining(session.secretAccessKey());
      }
    }
  }
}
