package dev.mgnagent.testkit.mgn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.mgn.MgnClient;

/** Added latency and dropped connections. */
class FakeMgnFaultsTest {
  private FakeMgn mgn;

  @BeforeEach
  void start() {
    mgn = FakeMgn.builder().initialized(true).build().start();
  }

  @AfterEach
  void stop() {
    mgn.close();
  }

  @Test
  void droppedConnectionReachesTheClientAsAClientError() {
    mgn.dropNext("DescribeSourceServers", 1);
    try (MgnClient client = Clients.noRetry(mgn)) {
      assertThatThrownBy(() -> client.describeSourceServers(r -> {}))
          .isInstanceOf(SdkClientException.class);
      assertThat(client.describeSourceServers(r -> {}).items()).isEmpty();
    }
    assertThat(mgn.requests())
        .extracting(RecordedRequest::errorCode)
        .containsExactly("DroppedConnection", null);
  }

  @Test
  void sdkRetriesADroppedConnection() {
    mgn.dropNext("*", 2);
    try (MgnClient client = mgn.newClient()) {
      assertThat(client.describeSourceServers(r -> {}).items()).isEmpty();
    }
    assertThat(mgn.requests()).hasSize(3);
  }

  @Test
  void delayedCallStillAnswers() {
    mgn.delayNext("DescribeSourceServers", 1, Duration.ofMillis(20));
    try (MgnClient client = Clients.noRetry(mgn)) {
      assertThat(client.describeSourceServers(r -> {}).items()).isEmpty();
    }
    assertThat(mgn.requests())
        .singleElement()
        .satisfies(r -> assertThat(r.status()).isEqualTo(200));
  }
}
