package dev.mgnagent.mgn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.mgn.internal.ReplicationErrorCatalog;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How MGN's states, lifecycles and errors map to a health, and the error catalog's coverage. */
class ReplicationHealthTest {

  /** The 18 values of DataReplicationErrorString in the current MGN model. */
  static final List<String> MODEL_ERRORS =
      List.of(
          "AGENT_NOT_SEEN",
          "SNAPSHOTS_FAILURE",
          "NOT_CONVERGING",
          "UNSTABLE_NETWORK",
          "FAILED_TO_CREATE_SECURITY_GROUP",
          "FAILED_TO_LAUNCH_REPLICATION_SERVER",
          "FAILED_TO_BOOT_REPLICATION_SERVER",
          "FAILED_TO_AUTHENTICATE_WITH_SERVICE",
          "FAILED_TO_DOWNLOAD_REPLICATION_SOFTWARE",
          "FAILED_TO_CREATE_STAGING_DISKS",
          "FAILED_TO_ATTACH_STAGING_DISKS",
          "FAILED_TO_PAIR_REPLICATION_SERVER_WITH_AGENT",
          "FAILED_TO_CONNECT_AGENT_TO_REPLICATION_SERVER",
          "FAILED_TO_START_DATA_TRANSFER",
          "UNSUPPORTED_VM_CONFIGURATION",
          "LAST_SNAPSHOT_JOB_FAILED",
          "FAILED_TO_SETUP_FSX_PROXY",
          "FAILED_TO_CREATE_FSX_SNAPSHOT");

  private static ServerReplicationStatus status(
      String state, String lifecycle, String error, Instant nextAttempt) {
    Optional<String> code = Optional.ofNullable(error);
    return new ServerReplicationStatus(
        new SourceServerId("s-1234567890abcdef0"),
        "arn",
        Optional.empty(),
        Optional.ofNullable(state),
        Optional.ofNullable(lifecycle),
        code,
        false,
        List.of(new DiskReplication("/dev/vda", 100, 100, 0, 40)),
        code.map(c -> ReplicationError.of(c, Optional.empty())),
        List.of(),
        Optional.empty(),
        Optional.empty(),
        Optional.ofNullable(nextAttempt));
  }

  @Test
  void everyValueOfTheModelHasItsOwnRemedyAndUnknownOnesAGenericOne() {
    assertThat(ReplicationErrorCatalog.knownCodes())
        .containsExactlyInAnyOrderElementsOf(MODEL_ERRORS);
    assertThat(ReplicationError.of("SOMETHING_NEW", Optional.empty()).remedy())
        .contains("RetryDataReplication");
  }

  @Test
  void errorsMgnRetriesAreRetryingOthersFail() {
    Instant next = Instant.parse("2026-05-01T08:05:00Z");
    assertThat(
            status("INITIATING", "NOT_READY", "FAILED_TO_LAUNCH_REPLICATION_SERVER", next).health())
        .isEqualTo(ReplicationHealth.RETRYING);
    for (String ongoing :
        List.of(
            "CONTINUOUS",
            "BACKLOG",
            "RESCAN",
            "INITIAL_SYNC",
            "CREATING_SNAPSHOT",
            "PENDING_SNAPSHOT_SHIPPING",
            "SHIPPING_SNAPSHOT")) {
      assertThat(status(ongoing, "READY_FOR_TEST", "NOT_CONVERGING", null).health())
          .as(ongoing)
          .isEqualTo(ReplicationHealth.RETRYING);
    }
    assertThat(
            status("INITIATING", "NOT_READY", "FAILED_TO_LAUNCH_REPLICATION_SERVER", null).health())
        .isEqualTo(ReplicationHealth.FAILED);
    assertThat(status("STALLED", "NOT_READY", "AGENT_NOT_SEEN", null).health())
        .isEqualTo(ReplicationHealth.FAILED);
  }

  @Test
  void everyStateOfTheModelHasAHealth() {
    assertThat(status("STOPPED", "STOPPED", null, null).health()).isEqualTo(ReplicationHealth.IDLE);
    assertThat(status("PAUSED", "READY_FOR_TEST", null, null).health())
        .isEqualTo(ReplicationHealth.IDLE);
    assertThat(status("CONTINUOUS", "READY_FOR_TEST", null, null).health())
        .isEqualTo(ReplicationHealth.CONTINUOUS);
    for (String onItsWay :
        List.of(
            "INITIATING",
            "INITIAL_SYNC",
            "BACKLOG",
            "CREATING_SNAPSHOT",
            "RESCAN",
            "PENDING_SNAPSHOT_SHIPPING",
            "SHIPPING_SNAPSHOT")) {
      assertThat(status(onItsWay, "NOT_READY", null, null).health())
          .as(onItsWay)
          .isEqualTo(ReplicationHealth.IN_PROGRESS);
    }
    assertThat(status("STALLED", "NOT_READY", null, null).health())
        .isEqualTo(ReplicationHealth.FAILED);
    assertThat(status("DISCONNECTED", "CUTOVER", null, null).health())
        .isEqualTo(ReplicationHealth.FINISHED);
    assertThat(status("DISCONNECTED", "DISCONNECTED", null, null).health())
        .isEqualTo(ReplicationHealth.FINISHED);
    assertThat(status("DISCONNECTED", "READY_FOR_TEST", null, null).health())
        .isEqualTo(ReplicationHealth.FAILED);
    assertThat(status(null, "DISCOVERED", null, null).health())
        .isEqualTo(ReplicationHealth.NOT_REPLICATING);
    assertThat(status(null, "PENDING_INSTALLATION", null, null).health())
        .isEqualTo(ReplicationHealth.NOT_REPLICATING);
  }

  @Test
  void aRescanShowsTheRescannedShare() {
    assertThat(status("RESCAN", "READY_FOR_TEST", null, null).progressPercent()).isEqualTo(40.0);
    assertThat(status("INITIAL_SYNC", "NOT_READY", null, null).progressPercent()).isEqualTo(100.0);
  }
}
