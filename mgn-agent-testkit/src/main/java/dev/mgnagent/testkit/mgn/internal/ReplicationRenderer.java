package dev.mgnagent.testkit.mgn.internal;

import dev.mgnagent.testkit.mgn.SimulationSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.mgn.model.DataReplicationError;
import software.amazon.awssdk.services.mgn.model.DataReplicationInfo;
import software.amazon.awssdk.services.mgn.model.DataReplicationInfoReplicatedDisk;
import software.amazon.awssdk.services.mgn.model.DataReplicationInitiation;
import software.amazon.awssdk.services.mgn.model.DataReplicationInitiationStep;
import software.amazon.awssdk.services.mgn.model.DataReplicationInitiationStepName;
import software.amazon.awssdk.services.mgn.model.DataReplicationInitiationStepStatus;
import software.amazon.awssdk.services.mgn.model.DataReplicationState;
import software.amazon.awssdk.services.mgn.model.Disk;
import software.amazon.awssdk.services.mgn.model.LifeCycle;
import software.amazon.awssdk.services.mgn.model.LifeCycleState;
import software.amazon.awssdk.services.mgn.model.SourceServer;

/**
 * Renders a simulated server at a moment: INITIATING through the initiation steps in order,
 * INITIAL_SYNC with bytes growing per disk and a falling ETA, then CONTINUOUS and READY_FOR_TEST;
 * STOPPED until started; a scripted error or stall freezes progress; a scheduled retrying error is
 * reported for a while without stopping progress; a scheduled resize gives a RESCAN (progress in
 * {@code rescannedStorageBytes}) and then a BACKLOG; a scheduled cutover ends in lifecycle CUTOVER
 * with replication DISCONNECTED.
 */
final class ReplicationRenderer {
  /** The initiation steps that take time, in the model's order. */
  static final List<DataReplicationInitiationStepName> STEPS =
      List.of(
          DataReplicationInitiationStepName.WAIT,
          DataReplicationInitiationStepName.CREATE_SECURITY_GROUP,
          DataReplicationInitiationStepName.LAUNCH_REPLICATION_SERVER,
          DataReplicationInitiationStepName.BOOT_REPLICATION_SERVER,
          DataReplicationInitiationStepName.AUTHENTICATE_WITH_SERVICE,
          DataReplicationInitiationStepName.DOWNLOAD_REPLICATION_SOFTWARE,
          DataReplicationInitiationStepName.CREATE_STAGING_DISKS,
          DataReplicationInitiationStepName.ATTACH_STAGING_DISKS,
          DataReplicationInitiationStepName.PAIR_REPLICATION_SERVER_WITH_AGENT,
          DataReplicationInitiationStepName.CONNECT_AGENT_TO_REPLICATION_SERVER,
          DataReplicationInitiationStepName.START_DATA_TRANSFER);

  /**
   * The twelfth step of the current model (botocore's mgn {@code
   * DataReplicationInitiationStepName}, added in 2026 with FSx for ONTAP support, listed last:
   * https://github.com/boto/botocore/blob/develop/botocore/data/mgn/2020-02-26/service-2.json). The
   * SDK this fake is built on does not know it, so it goes out as text.
   */
  static final String SETUP_FSX_PROXY = "SETUP_FSX_PROXY";

  private final SimulationSettings settings;

  /**
   * The status {@link #SETUP_FSX_PROXY} ends with on a server without FSx (null: the step is not
   * reported). What real MGN reports there is not documented; {@code SKIPPED} by default.
   */
  private volatile String fsxProxyStepStatus = "SKIPPED";

  /** Replication states shown after the initial sync, before CONTINUOUS, each for a step. */
  private volatile List<String> afterInitialSync = List.of();

  private volatile Duration afterInitialSyncStep = Duration.ZERO;

  ReplicationRenderer(SimulationSettings settings) {
    this.settings = settings;
  }

  void fsxProxyStepStatus(String status) {
    this.fsxProxyStepStatus = status;
  }

  String fsxProxyStepStatus() {
    return fsxProxyStepStatus;
  }

  void afterInitialSync(List<String> states, Duration each) {
    this.afterInitialSync = List.copyOf(states);
    this.afterInitialSyncStep = each;
  }

  SourceServer render(SourceServer server, Timeline t, Instant now) {
    Instant seen = t.frozenAt != null && "AGENT_NOT_SEEN".equals(t.error) ? t.frozenAt : now;
    LifeCycle.Builder life =
        server.lifeCycle().toBuilder().lastSeenByServiceDateTime(ServerModels.iso(seen));
    DataReplicationInfo.Builder info = DataReplicationInfo.builder();
    List<DataReplicationInfoReplicatedDisk> disks = new ArrayList<>();
    DataReplicationInitiation.Builder initiation =
        DataReplicationInitiation.builder().startDateTime(ServerModels.iso(t.start));
    if (!t.started) {
      t.disks.forEach(d -> disks.add(disk(d, 0)));
      info.dataReplicationState(DataReplicationState.STOPPED)
          .dataReplicationInitiation(initiation.steps(steps(0, false, true)).build());
      life.state(LifeCycleState.STOPPED);
      return finish(server, t, now, info.replicatedDisks(disks), life);
    }
    if (t.cutoverAt != null && !now.isBefore(t.cutoverAt)) {
      // after FinalizeCutover MGN disconnects the server: totals kept, steps back to NOT_STARTED
      t.disks.forEach(d -> disks.add(disk(d, d.bytes())));
      info.dataReplicationState(DataReplicationState.DISCONNECTED)
          .dataReplicationInitiation(initiation.steps(steps(0, false, true)).build());
      life.state(LifeCycleState.CUTOVER)
          .lastCutover(ServerModels.lastCutover(server.sourceServerID(), t.cutoverAt, true));
      return finish(
          server.toBuilder()
              .launchedInstance(ServerModels.launchedInstance(server.sourceServerID()))
              .build(),
          t,
          now,
          info.replicatedDisks(disks),
          life);
    }
    Duration elapsed = t.elapsed(now);
    Duration step = settings.initiationStep();
    Duration initiationTime = step.multipliedBy(STEPS.size());
    if (elapsed.compareTo(initiationTime) < 0) {
      int current = step.isZero() ? STEPS.size() - 1 : (int) (elapsed.toMillis() / step.toMillis());
      boolean failed = t.error != null;
      t.disks.forEach(d -> disks.add(disk(d, 0)));
      info.dataReplicationState(
              failed || !t.stalled ? DataReplicationState.INITIATING : DataReplicationState.STALLED)
          .dataReplicationInitiation(initiation.steps(steps(current, failed, false)).build());
      life.state(LifeCycleState.NOT_READY);
      return finish(server, t, now, info.replicatedDisks(disks), life);
    }
    Instant firstByte = t.start.plus(initiationTime);
    long syncMillis = elapsed.minus(initiationTime).toMillis();
    long longest = 0;
    for (Timeline.SimDisk d : t.disks) {
      long took = settings.syncTime(d.bytes()).toMillis();
      longest = Math.max(longest, took);
      long done =
          took == 0 || syncMillis >= took
              ? d.bytes()
              : (long) (d.bytes() * ((double) syncMillis / took));
      disks.add(disk(d, done));
    }
    initiation.steps(steps(STEPS.size(), false, false));
    life.firstByteDateTime(ServerModels.iso(firstByte))
        .elapsedReplicationDuration(ServerModels.duration(Duration.ofMillis(syncMillis)));
    info.dataReplicationInitiation(initiation.build());
    boolean frozen = t.error != null || t.stalled;
    if (syncMillis < longest) {
      long remaining = longest - syncMillis;
      // a first estimate that is too long and gets better: the ETA falls towards the real end
      long eta = remaining + remaining * remaining / (2 * longest);
      info.dataReplicationState(
          frozen ? DataReplicationState.STALLED : DataReplicationState.INITIAL_SYNC);
      if (!frozen) {
        info.etaDateTime(ServerModels.iso(now.plusMillis(eta)));
      }
      life.state(LifeCycleState.NOT_READY);
    } else if (!frozen && syncMillis - longest < afterSyncMillis()) {
      // the states after the initial sync (snapshots), in the order the test configured: no AWS
      // source gives the order, so FakeMgn.Builder#afterInitialSync lets a test choose it
      int index = (int) ((syncMillis - longest) / afterInitialSyncStep.toMillis());
      info.dataReplicationState(afterInitialSync.get(index))
          .lagDuration(ServerModels.duration(settings.lag()));
      life.state(LifeCycleState.NOT_READY);
    } else {
      Instant synced = firstByte.plusMillis(longest + afterSyncMillis());
      DataReplicationState ongoing = DataReplicationState.CONTINUOUS;
      if (!frozen && t.resizeAt != null && !now.isBefore(t.resizeAt)) {
        long phase = Duration.between(t.resizeAt, now).toMillis();
        long rescan = t.rescanTime.toMillis();
        long backlog = t.backlogTime.toMillis();
        if (phase < rescan) {
          ongoing = DataReplicationState.RESCAN;
          disks.clear();
          for (Timeline.SimDisk d : t.disks) {
            disks.add(
                disk(d, d.bytes()).toBuilder()
                    .rescannedStorageBytes((long) (d.bytes() * ((double) phase / rescan)))
                    .build());
          }
        } else if (phase < rescan + backlog) {
          ongoing = DataReplicationState.BACKLOG;
          double left = 1.0 - (double) (phase - rescan) / backlog;
          disks.clear();
          for (Timeline.SimDisk d : t.disks) {
            disks.add(
                disk(d, d.bytes()).toBuilder()
                    .backloggedStorageBytes((long) (d.bytes() / 10 * left) + 1)
                    .build());
          }
        }
      }
      info.dataReplicationState(frozen ? DataReplicationState.STALLED : ongoing)
          .lagDuration(
              frozen
                  ? ServerModels.duration(Duration.between(synced, now).withNanos(0))
                  : ServerModels.duration(settings.lag()))
          .lastSnapshotDateTime(ServerModels.iso(synced));
      LifeCycleState current = server.lifeCycle().state();
      life.state(
          current == LifeCycleState.NOT_READY
                  || current == LifeCycleState.STOPPED
                  || current == null
              ? LifeCycleState.READY_FOR_TEST
              : current);
    }
    return finish(server, t, now, info.replicatedDisks(disks), life);
  }

  private SourceServer finish(
      SourceServer server,
      Timeline t,
      Instant now,
      DataReplicationInfo.Builder info,
      LifeCycle.Builder life) {
    if (t.error != null) {
      info.dataReplicationError(
          DataReplicationError.builder()
              .error(t.error)
              .rawError("Simulated by the fake MGN: " + t.error)
              .build());
    } else if (t.retrying(now)) {
      info.dataReplicationError(
          DataReplicationError.builder()
              .error(t.retryError)
              .rawError("Simulated by the fake MGN (retried): " + t.retryError)
              .build());
      DataReplicationInfo built = info.build();
      if (built.dataReplicationState() == DataReplicationState.INITIATING
          && built.dataReplicationInitiation() != null) {
        // MGN retries initiation by itself and says when
        info.dataReplicationInitiation(
            built.dataReplicationInitiation().toBuilder()
                .nextAttemptDateTime(ServerModels.iso(t.retryUntil))
                .build());
      }
    }
    boolean reported = !now.isBefore(t.registeredAt.plus(settings.disksReportDelay()));
    List<Disk> reportedDisks = new ArrayList<>();
    if (reported) {
      (t.hostDisks != null ? t.hostDisks : t.disks)
          .forEach(
              d ->
                  reportedDisks.add(
                      Disk.builder().deviceName(d.deviceName()).bytes(d.bytes()).build()));
    }
    return server.toBuilder()
        .dataReplicationInfo(info.build())
        .lifeCycle(life.build())
        .sourceProperties(server.sourceProperties().toBuilder().disks(reportedDisks).build())
        .build();
  }

  private long afterSyncMillis() {
    return afterInitialSyncStep.toMillis() * afterInitialSync.size();
  }

  private static DataReplicationInfoReplicatedDisk disk(Timeline.SimDisk d, long done) {
    return DataReplicationInfoReplicatedDisk.builder()
        .deviceName(d.deviceName())
        .totalStorageBytes(d.bytes())
        .replicatedStorageBytes(done)
        .backloggedStorageBytes(0L)
        .rescannedStorageBytes(0L)
        .build();
  }

  /**
   * Steps before {@code current} succeeded, {@code current} in progress (or failed), rest not
   * started.
   */
  private List<DataReplicationInitiationStep> steps(
      int current, boolean failed, boolean notStarted) {
    List<DataReplicationInitiationStep> steps = new ArrayList<>();
    for (int i = 0; i < STEPS.size(); i++) {
      DataReplicationInitiationStepStatus status =
          notStarted || i > current
              ? DataReplicationInitiationStepStatus.NOT_STARTED
              : i < current
                  ? DataReplicationInitiationStepStatus.SUCCEEDED
                  : failed
                      ? DataReplicationInitiationStepStatus.FAILED
                      : DataReplicationInitiationStepStatus.IN_PROGRESS;
      steps.add(DataReplicationInitiationStep.builder().name(STEPS.get(i)).status(status).build());
    }
    String fsx = fsxProxyStepStatus;
    if (fsx != null) {
      steps.add(
          DataReplicationInitiationStep.builder()
              .name(SETUP_FSX_PROXY)
              .status(
                  notStarted || current < STEPS.size()
                      ? DataReplicationInitiationStepStatus.NOT_STARTED.toString()
                      : fsx)
              .build());
    }
    return steps;
  }
}
