package dev.mgnagent.tests.mgn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.mgn.DiskReplication;
import dev.mgnagent.mgn.MgnServiceException;
import dev.mgnagent.mgn.ReplicationStatusReader;
import dev.mgnagent.mgn.ServerReplicationStatus;
import dev.mgnagent.mgn.SourceServerId;
import dev.mgnagent.testkit.mgn.FakeMgn;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.DataReplicationState;
import software.amazon.awssdk.services.mgn.model.LifeCycleState;

/** {@link ReplicationStatusReader} against the fake MGN. */
class ReplicationStatusReaderTest {

  private FakeMgn mgn;
  private MgnClient client;

  @BeforeEach
  void start() {
    mgn = FakeMgn.builder().initialized(true).build().start();
    client = mgn.newClient();
  }

  @AfterEach
  void stop() {
    client.close();
    mgn.close();
  }

  @Test
  void readsStateLifecycleAndPerDiskBytes() {
    String id =
        mgn.addSourceServer(
            s ->
                s.hostname("web-1")
                    .disk("/dev/vda", 20L << 30, 5L << 30)
                    .disk("/dev/vdb", 10L << 30, 10L << 30)
                    .replicationState(DataReplicationState.INITIAL_SYNC)
                    .lifeCycleState(LifeCycleState.NOT_READY));

    List<ServerReplicationStatus> servers =
        ReplicationStatusReader.of(client).read(List.of(new SourceServerId(id)));

    ServerReplicationStatus server = servers.get(0);
    assertThat(server.id().value()).isEqualTo(id);
    assertThat(server.arn())
        .isEqualTo("arn:aws:mgn:us-east-1:" + mgn.accountId() + ":source-server/" + id);
    assertThat(server.hostname()).contains("web-1");
    assertThat(server.replicationState()).contains("INITIAL_SYNC");
    assertThat(server.lifecycleState()).contains("NOT_READY");
    assertThat(server.disks())
        .extracting(DiskReplication::deviceName)
        .containsExactly("/dev/vda", "/dev/vdb");
    assertThat(server.replicatedBytes()).isEqualTo(15L << 30);
    assertThat(server.totalBytes()).isEqualTo(30L << 30);
    assertThat(server.disks().get(0).percent()).isEqualTo(25.0);
  }

  @Test
  void everyServerIsReadWithPagesOfAThousand() {
    for (int i = 0; i < 2500; i++) {
      mgn.addSourceServer(s -> s.hostname("host").disk("/dev/sda", 1L << 30));
    }
    mgn.addSourceServer(s -> s.hostname("old").archived(true));
    mgn.clearRequests();

    List<ServerReplicationStatus> servers = ReplicationStatusReader.of(client).read(List.of());

    assertThat(servers).hasSize(2500);
    assertThat(mgn.requests())
        .filteredOn(r -> r.operation().equals("DescribeSourceServers"))
        .hasSize(3);
  }

  @Test
  void uninitializedAccountSaysToRunInitService() {
    try (FakeMgn fresh = FakeMgn.builder().region("ap-south-1").build().start();
        MgnClient freshClient = fresh.newClient()) {
      assertThatThrownBy(() -> ReplicationStatusReader.of(freshClient).read(List.of()))
          .isInstanceOf(MgnServiceException.class)
          .hasMessageStartingWith("MGN is not initialized in ap-south-1")
          .hasMessageContaining("initialize MGN in ap-south-1");
    }
  }

  @Test
  void installerKeysCannotReadStatus() {
    try (MgnClient installer =
        mgn.newClient(StaticCredentialsProvider.create(mgn.installerCredentials()))) {
      assertThatThrownBy(() -> ReplicationStatusReader.of(installer).read(List.of()))
          .hasMessageStartingWith("MGN refused DescribeSourceServers")
          .hasMessageContaining("AWSApplicationMigrationAgentInstallationPolicy");
    }
  }
}
