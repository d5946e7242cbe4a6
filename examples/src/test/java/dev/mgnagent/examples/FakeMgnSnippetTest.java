package dev.mgnagent.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.testkit.junit.StartStop;
import dev.mgnagent.testkit.mgn.FakeMgn;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.AccessDeniedException;
import software.amazon.awssdk.services.mgn.model.DataReplicationState;
import software.amazon.awssdk.services.mgn.model.SourceServer;

/** The fake MGN with its JUnit 5 extension: a fake per test, a ready admin client. */
class FakeMgnSnippetTest {
  // snippet:testkit-fake-mgn
  @StartStop FakeMgn mgn = FakeMgn.builder().build();

  @Test
  void initializedServiceListsTheServerAnAgentRegistered() {
    try (MgnClient client = mgn.newClient()) {
      client.initializeService(r -> {});
      String id =
          mgn.addSourceServer(
              s ->
                  s.hostname("web-1")
                      .disk("/dev/vda", 20L << 30)
                      .disk("/dev/vdb", 100L << 30, 40L << 30)
                      .replicationState(DataReplicationState.INITIAL_SYNC));

      SourceServer server =
          client.describeSourceServers(r -> r.filters(f -> f.sourceServerIDs(id))).items().get(0);

      assertThat(server.dataReplicationInfo().replicatedDisks().get(1).replicatedStorageBytes())
          .isEqualTo(40L << 30);
    }
    try (MgnClient installer = mgn.newClient(() -> mgn.installerCredentials())) {
      assertThatThrownBy(() -> installer.describeSourceServers(r -> {}))
          .isInstanceOf(AccessDeniedException.class);
    }
  }
  // end-snippet
}
