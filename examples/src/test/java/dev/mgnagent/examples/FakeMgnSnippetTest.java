package dev.mgnagent.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.testkit.mgn.FakeMgn;
import dev.mgnagent.testkit.mgn.FakeMgnExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.AccessDeniedException;
import software.amazon.awssdk.services.mgn.model.DataReplicationState;
import software.amazon.awssdk.services.mgn.model.SourceServer;

/** The fake MGN with its JUnit 5 extension: one fake per class, a ready admin client. */
@ExtendWith(FakeMgnExtension.class)
class FakeMgnSnippetTest {
  // snippet:testkit-fake-mgn
  @Test
  void initializedServiceListsTheServerAnAgentRegistered(FakeMgn mgn, MgnClient client) {
    client.initializeService(r -> {});
    String id = mgn.addSourceServer(s -> s.hostname("web-1")
        .disk("/dev/vda", 20L << 30).disk("/dev/vdb", 100L << 30, 40L << 30)
        .replicationState(DataReplicationState.INITIAL_SYNC));

    SourceServer server = client.describeSourceServers(r -> r.filters(f -> f.sourceServerIDs(id)))
        .items().get(0);

    assertThat(server.dataReplicationInfo().replicatedDisks().get(1).replicatedStorageBytes())
        .isEqualTo(40L << 30);
    try (MgnClient installer = mgn.newClient(() -> mgn.installerCredentials())) {
      assertThatThrownBy(() -> installer.describeSourceServers(r -> {}))
          .isInstanceOf(AccessDeniedException.class);
    }
  }
  // end-snippet
}
