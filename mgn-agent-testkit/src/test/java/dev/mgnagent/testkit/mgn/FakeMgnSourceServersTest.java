package dev.mgnagent.testkit.mgn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.ConflictException;
import software.amazon.awssdk.services.mgn.model.DataReplicationInfoReplicatedDisk;
import software.amazon.awssdk.services.mgn.model.DataReplicationInitiationStepStatus;
import software.amazon.awssdk.services.mgn.model.DataReplicationState;
import software.amazon.awssdk.services.mgn.model.DescribeSourceServersResponse;
import software.amazon.awssdk.services.mgn.model.LifeCycleState;
import software.amazon.awssdk.services.mgn.model.ReplicationType;
import software.amazon.awssdk.services.mgn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.mgn.model.SourceServer;
import software.amazon.awssdk.services.mgn.model.ValidationException;
import software.amazon.awssdk.services.mgn.model.ValidationExceptionReason;

class FakeMgnSourceServersTest {
  private FakeMgn mgn;
  private MgnClient client;

  @BeforeEach
  void start() {
    mgn = FakeMgn.builder().initialized(true).build().start();
    client = Clients.noRetry(mgn);
  }

  @AfterEach
  void stop() {
    client.close();
    mgn.close();
  }

  private SourceServer describe(String id) {
    List<SourceServer> items =
        client.describeSourceServers(r -> r.filters(f -> f.sourceServerIDs(id))).items();
    assertThat(items).hasSize(1);
    return items.get(0);
  }

  @Test
  void describedServerHasTheFullShapeAndEqualsTheFakesSnapshot() {
    String id =
        mgn.addSourceServer(
            SourceServerSpec.builder()
                .hostname("web-1")
                .fqdn("web-1.example.internal")
                .userProvidedId("asset-42")
                .disk("/dev/vda", 20L << 30)
                .disk("/dev/vdb", 100L << 30)
                .tag("team", "blue")
                .build());

    SourceServer s = describe(id);

    assertThat(s).isEqualTo(mgn.sourceServer(id).orElseThrow());
    assertThat(id).matches("s-[0-9a-zA-Z]{17}");
    assertThat(s.arn()).isEqualTo("arn:aws:mgn:us-east-1:111122223333:source-server/" + id);
    assertThat(s.replicationType()).isEqualTo(ReplicationType.AGENT_BASED);
    assertThat(s.isArchived()).isFalse();
    assertThat(s.userProvidedID()).isEqualTo("asset-42");
    assertThat(s.tags()).isEqualTo(Map.of("team", "blue"));
    assertThat(s.lifeCycle().state()).isEqualTo(LifeCycleState.READY_FOR_TEST);
    assertThat(Instant.parse(s.lifeCycle().addedToServiceDateTime())).isBefore(Instant.now());
    assertThat(s.dataReplicationInfo().dataReplicationState())
        .isEqualTo(DataReplicationState.CONTINUOUS);
    // the current model's twelfth step, unknown to this SDK, comes last: skipped without FSx
    assertThat(s.dataReplicationInfo().dataReplicationInitiation().steps())
        .hasSize(12)
        .last()
        .satisfies(
            step -> {
              assertThat(step.nameAsString()).isEqualTo("SETUP_FSX_PROXY");
              assertThat(step.statusAsString()).isEqualTo("SKIPPED");
            });
    assertThat(s.dataReplicationInfo().dataReplicationInitiation().steps().subList(0, 11))
        .allSatisfy(
            step ->
                assertThat(step.status()).isEqualTo(DataReplicationInitiationStepStatus.SUCCEEDED));
    assertThat(s.dataReplicationInfo().replicatedDisks())
        .extracting(
            DataReplicationInfoReplicatedDisk::deviceName,
            DataReplicationInfoReplicatedDisk::totalStorageBytes,
            DataReplicationInfoReplicatedDisk::replicatedStorageBytes)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/dev/vda", 20L << 30, 20L << 30),
            org.assertj.core.groups.Tuple.tuple("/dev/vdb", 100L << 30, 100L << 30));
    assertThat(s.sourceProperties().disks())
        .extracting(d -> d.deviceName() + "=" + d.bytes())
        .containsExactly("/dev/vda=" + (20L << 30), "/dev/vdb=" + (100L << 30));
    assertThat(s.sourceProperties().identificationHints().hostname()).isEqualTo("web-1");
    assertThat(s.sourceProperties().identificationHints().fqdn())
        .isEqualTo("web-1.example.internal");
  }

  @Test
  void initialSyncServerShowsItsProgressAndIsNotReady() {
    String id =
        mgn.addSourceServer(
            s ->
                s.replicationState(DataReplicationState.INITIAL_SYNC).disk("/dev/xvda", 1000, 250));

    SourceServer s = describe(id);

    assertThat(s.lifeCycle().state()).isEqualTo(LifeCycleState.NOT_READY);
    assertThat(s.dataReplicationInfo().replicatedDisks().get(0).replicatedStorageBytes())
        .isEqualTo(250);
    assertThat(s.dataReplicationInfo().lagDuration()).isNull();
  }

  @Test
  void paginatorWalksThousandsOfServersInPagesOfMaxResults() {
    for (int i = 0; i < 2500; i++) {
      int n = i;
      mgn.addSourceServer(s -> s.hostname("host-" + n));
    }
    mgn.clearRequests();

    List<SourceServer> all =
        client.describeSourceServersPaginator(r -> r.maxResults(1000)).items().stream().toList();

    assertThat(all).hasSize(2500);
    Set<String> ids = new HashSet<>();
    all.forEach(s -> ids.add(s.sourceServerID()));
    assertThat(ids).hasSize(2500);
    List<RecordedRequest> calls = mgn.requests();
    assertThat(calls)
        .extracting(RecordedRequest::operation)
        .containsExactly("DescribeSourceServers", "DescribeSourceServers", "DescribeSourceServers");
    assertThat(calls.get(0).body()).doesNotContain("nextToken");
    assertThat(calls.get(1).body()).contains("nextToken");
    assertThat(calls.get(2).body()).contains("nextToken");
  }

  @Test
  void itemsArePresentAndEmptyWhenNothingMatches() {
    mgn.addSourceServer(s -> s.hostname("a"));

    DescribeSourceServersResponse r =
        client.describeSourceServers(q -> q.filters(f -> f.isArchived(true)));

    assertThat(r.hasItems()).isTrue();
    assertThat(r.items()).isEmpty();
    assertThat(r.nextToken()).isNull();
  }

  @Test
  void filtersSelectByIdArchivedLifecycleAndReplicationType() {
    String ready = mgn.addSourceServer(s -> s.hostname("ready"));
    String archived =
        mgn.addSourceServer(
            s -> s.hostname("old").lifeCycleState(LifeCycleState.DISCONNECTED).archived(true));
    String shipping =
        mgn.addSourceServer(
            s -> s.hostname("vm").replicationType(ReplicationType.SNAPSHOT_SHIPPING));

    assertThat(ids(client.describeSourceServers(r -> r.filters(f -> f.isArchived(false)))))
        .containsExactly(ready, shipping);
    assertThat(ids(client.describeSourceServers(r -> r.filters(f -> f.isArchived(true)))))
        .containsExactly(archived);
    assertThat(
            ids(
                client.describeSourceServers(
                    r ->
                        r.filters(
                            f ->
                                f.lifeCycleStates(
                                    LifeCycleState.DISCONNECTED, LifeCycleState.CUTOVER)))))
        .containsExactly(archived);
    assertThat(
            ids(
                client.describeSourceServers(
                    r -> r.filters(f -> f.replicationTypes(ReplicationType.SNAPSHOT_SHIPPING)))))
        .containsExactly(shipping);
    assertThat(
            ids(
                client.describeSourceServers(
                    r -> r.filters(f -> f.sourceServerIDs(shipping, ready)))))
        .containsExactly(ready, shipping);
    assertThat(ids(client.describeSourceServers(r -> {}))).hasSize(3);
  }

  private static List<String> ids(DescribeSourceServersResponse r) {
    return r.items().stream().map(SourceServer::sourceServerID).toList();
  }

  @Test
  void maxResultsOutsideOneToAThousandIsAValidationError() {
    for (int bad : new int[] {0, 1001}) {
      assertThatThrownBy(() -> client.describeSourceServers(r -> r.maxResults(bad)))
          .isInstanceOfSatisfying(
              ValidationException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(400);
                assertThat(e.reason()).isEqualTo(ValidationExceptionReason.FIELD_VALIDATION_FAILED);
                assertThat(e.fieldList()).extracting(f -> f.name()).containsExactly("maxResults");
                assertThat(e.awsErrorDetails().errorMessage()).contains("'" + bad + "'");
              });
    }
  }

  @Test
  void malformedSourceServerIdIsAValidationErrorAndAnUnknownOneIsNotFound() {
    assertThatThrownBy(
            () -> client.describeSourceServers(r -> r.filters(f -> f.sourceServerIDs("s-123"))))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> client.disconnectFromService(r -> r.sourceServerID("s-bad")))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(
            () -> client.disconnectFromService(r -> r.sourceServerID("s-0123456789abcdef0")))
        .isInstanceOfSatisfying(
            ResourceNotFoundException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(404);
              assertThat(e.resourceId()).isEqualTo("s-0123456789abcdef0");
              assertThat(e.resourceType()).isEqualTo("SOURCE_SERVER");
            });
  }

  @Test
  void disconnectSetsBothStatesToDisconnectedAndZeroesTotalBytes() {
    String id = mgn.addSourceServer(s -> s.disk("/dev/vda", 1L << 30).disk("/dev/vdb", 5L << 30));

    var response = client.disconnectFromService(r -> r.sourceServerID(id));

    assertThat(response.lifeCycle().state()).isEqualTo(LifeCycleState.DISCONNECTED);
    assertThat(response.dataReplicationInfo().dataReplicationState())
        .isEqualTo(DataReplicationState.DISCONNECTED);
    assertThat(response.dataReplicationInfo().replicatedDisks())
        .allSatisfy(d -> assertThat(d.totalStorageBytes()).isZero());
    assertThat(response.dataReplicationInfo().lagDuration()).isNull();
    assertThat(describe(id).lifeCycle().state()).isEqualTo(LifeCycleState.DISCONNECTED);
  }

  @Test
  void markAsArchivedIsAConflictUntilDisconnected() {
    String id = mgn.addSourceServer(s -> s.hostname("web"));

    assertThatThrownBy(() -> client.markAsArchived(r -> r.sourceServerID(id)))
        .isInstanceOfSatisfying(
            ConflictException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(409);
              assertThat(e.resourceId()).isEqualTo(id);
              assertThat(e.awsErrorDetails().errorMessage()).contains("READY_FOR_TEST");
            });

    client.disconnectFromService(r -> r.sourceServerID(id));
    assertThat(client.markAsArchived(r -> r.sourceServerID(id)).isArchived()).isTrue();
    assertThat(describe(id).isArchived()).isTrue();
  }

  @Test
  void cutOverServerCanBeArchived() {
    String id = mgn.addSourceServer(s -> s.lifeCycleState(LifeCycleState.CUTOVER));

    assertThat(client.markAsArchived(r -> r.sourceServerID(id)).isArchived()).isTrue();
  }

  @Test
  void deleteIsAConflictUnlessDisconnectedAndThenRemovesTheServer() {
    String id = mgn.addSourceServer(s -> s.hostname("web"));

    assertThatThrownBy(() -> client.deleteSourceServer(r -> r.sourceServerID(id)))
        .isInstanceOf(ConflictException.class);
    client.disconnectFromService(r -> r.sourceServerID(id));
    client.deleteSourceServer(r -> r.sourceServerID(id));

    assertThat(mgn.sourceServer(id)).isEmpty();
    assertThat(client.describeSourceServers(r -> r.filters(f -> f.sourceServerIDs(id))).items())
        .isEmpty();
    assertThat(mgn.requests())
        .filteredOn(r -> "DeleteSourceServer".equals(r.operation()))
        .extracting(RecordedRequest::status)
        .containsExactly(409, 204);
  }

  @Test
  void startReplicationStartsAStoppedServerAndRefusesARunningOne() {
    String stopped = mgn.addSourceServer(s -> s.replicationState(DataReplicationState.STOPPED));
    String running = mgn.addSourceServer(s -> s.hostname("running"));

    var response = client.startReplication(r -> r.sourceServerID(stopped));

    assertThat(response.dataReplicationInfo().dataReplicationState())
        .isEqualTo(DataReplicationState.INITIATING);
    SourceServer started = describe(stopped);
    assertThat(started.lifeCycle().state()).isEqualTo(LifeCycleState.NOT_READY);
    assertThat(started.dataReplicationInfo().dataReplicationState())
        .isEqualTo(DataReplicationState.INITIATING);
    assertThat(started.dataReplicationInfo().dataReplicationInitiation().steps())
        .extracting(st -> st.status())
        .contains(DataReplicationInitiationStepStatus.IN_PROGRESS);
    assertThatThrownBy(() -> client.startReplication(r -> r.sourceServerID(running)))
        .isInstanceOf(ConflictException.class);
  }
}
