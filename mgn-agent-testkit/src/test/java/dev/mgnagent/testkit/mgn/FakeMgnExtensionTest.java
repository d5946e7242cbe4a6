package dev.mgnagent.testkit.mgn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.mgn.MgnClient;

@ExtendWith(FakeMgnExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeMgnExtensionTest {
  private final FakeMgn fromConstructor;

  FakeMgnExtensionTest(FakeMgn mgn) {
    this.fromConstructor = mgn;
  }

  @Test
  @Order(1)
  void resolvesAStartedUninitializedFakeAndAnAdminClient(FakeMgn mgn, MgnClient client) {
    assertThat(mgn).isSameAs(fromConstructor);
    assertThat(mgn.endpoint().getHost()).isEqualTo("127.0.0.1");
    assertThat(mgn.isInitialized()).isFalse();

    client.initializeService(r -> {});

    assertThat(mgn.isInitialized()).isTrue();
    assertThat(mgn.requests()).extracting(RecordedRequest::accessKeyId)
        .containsExactly(mgn.adminCredentials().accessKeyId());
  }

  @Test
  @Order(2)
  void theFakeIsSharedByTheTestsOfAClass(FakeMgn mgn, MgnClient client) {
    assertThat(mgn).isSameAs(fromConstructor);
    assertThat(mgn.isInitialized()).isTrue();
    String id = mgn.addSourceServer(s -> s.hostname("shared"));
    assertThat(client.describeSourceServers(r -> r.filters(f -> f.sourceServerIDs(id))).items())
        .extracting(s -> s.sourceProperties().identificationHints().hostname())
        .containsExactly("shared");
  }
}
