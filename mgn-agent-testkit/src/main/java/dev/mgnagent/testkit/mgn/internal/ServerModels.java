package dev.mgnagent.testkit.mgn.internal;

import dev.mgnagent.testkit.mgn.AgentRegistration;
import dev.mgnagent.testkit.mgn.SourceServerSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.mgn.model.CPU;
import software.amazon.awssdk.services.mgn.model.DataReplicationInfo;
import software.amazon.awssdk.services.mgn.model.DataReplicationInfoReplicatedDisk;
import software.amazon.awssdk.services.mgn.model.DataReplicationInitiation;
import software.amazon.awssdk.services.mgn.model.DataReplicationInitiationStep;
import software.amazon.awssdk.services.mgn.model.DataReplicationInitiationStepName;
import software.amazon.awssdk.services.mgn.model.DataReplicationInitiationStepStatus;
import software.amazon.awssdk.services.mgn.model.DataReplicationState;
import software.amazon.awssdk.services.mgn.model.Disk;
import software.amazon.awssdk.services.mgn.model.FirstBoot;
import software.amazon.awssdk.services.mgn.model.IdentificationHints;
import software.amazon.awssdk.services.mgn.model.LaunchedInstance;
import software.amazon.awssdk.services.mgn.model.LifeCycle;
import software.amazon.awssdk.services.mgn.model.LifeCycleLastCutover;
import software.amazon.awssdk.services.mgn.model.LifeCycleLastCutoverFinalized;
import software.amazon.awssdk.services.mgn.model.LifeCycleLastCutoverInitiated;
import software.amazon.awssdk.services.mgn.model.LifeCycleLastTest;
import software.amazon.awssdk.services.mgn.model.LifeCycleLastTestFinalized;
import software.amazon.awssdk.services.mgn.model.LifeCycleLastTestInitiated;
import software.amazon.awssdk.services.mgn.model.LifeCycleState;
import software.amazon.awssdk.services.mgn.model.NetworkInterface;
import software.amazon.awssdk.services.mgn.model.OS;
import software.amazon.awssdk.services.mgn.model.ReplicationConfigurationDataPlaneRouting;
import software.amazon.awssdk.services.mgn.model.ReplicationConfigurationDefaultLargeStagingDiskType;
import software.amazon.awssdk.services.mgn.model.ReplicationConfigurationEbsEncryption;
import software.amazon.awssdk.services.mgn.model.ReplicationConfigurationTemplate;
import software.amazon.awssdk.services.mgn.model.ReplicationType;
import software.amazon.awssdk.services.mgn.model.SourceProperties;
import software.amazon.awssdk.services.mgn.model.SourceServer;

/** Builds the SDK model objects the fake keeps as its state, in the shapes MGN returns. */
final class ServerModels {
  private ServerModels() {}

  /**
   * Date-times as real MGN writes them: microseconds and {@code +00:00}, such as {@code
   * 2022-08-31T00:47:10.686735+00:00}, although the model's {@code ISO8601DatetimeString} pattern
   * ends in {@code Z}. The form is the one a public {@code aws mgn} capture from a real account
   * shows
   * (https://github.com/boto/botocore/blob/develop/botocore/data/mgn/2020-02-26/service-2.json has
   * the pattern).
   */
  private static final DateTimeFormatter MGN_DATE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  /** An ISO-8601 date-time string, as every MGN {@code *DateTime} member is, in MGN's form. */
  public static String iso(Instant instant) {
    return MGN_DATE_TIME.format(instant.truncatedTo(ChronoUnit.MICROS));
  }

  /**
   * An ISO-8601 duration as real MGN writes {@code lagDuration} and {@code
   * elapsedReplicationDuration}: {@code P0D} for nothing, days, then the time part with seconds to
   * the microsecond ({@code PT16H20M38.697305S}), as in the same capture.
   */
  public static String duration(Duration d) {
    Duration left = d.isNegative() ? Duration.ZERO : d.truncatedTo(ChronoUnit.MICROS);
    if (left.isZero()) {
      return "P0D";
    }
    StringBuilder out = new StringBuilder("P");
    long days = left.toDays();
    if (days > 0) {
      out.append(days).append('D');
      left = left.minusDays(days);
    }
    if (!left.isZero()) {
      out.append('T');
      long hours = left.toHours();
      long minutes = left.toMinutesPart();
      long seconds = left.toSecondsPart();
      long micros = left.toNanosPart() / 1000;
      if (hours > 0) {
        out.append(hours).append('H');
      }
      if (minutes > 0) {
        out.append(minutes).append('M');
      }
      if (seconds > 0 || micros > 0) {
        out.append(seconds);
        if (micros > 0) {
          out.append(String.format(Locale.ROOT, ".%06d", micros));
        }
        out.append('S');
      }
    }
    return out.toString();
  }

  /**
   * A MAC address as MGN reports it in {@code networkInterfaces[].macAddress}: upper case with
   * dashes ({@code 0A-40-F1-E8-B2-2D}, from the same capture), whatever form the agent sent; text
   * that is not a MAC is left as it is.
   */
  public static String mac(String mac) {
    if (mac == null) {
      return null;
    }
    String hex = mac.replace(":", "").replace("-", "").replace(".", "");
    if (!hex.matches("[0-9a-fA-F]{12}")) {
      return mac;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 12; i += 2) {
      if (i > 0) {
        out.append('-');
      }
      out.append(hex, i, i + 2);
    }
    return out.toString().toUpperCase(Locale.ROOT);
  }

  /** The job ID of source server {@code id}'s launches: {@code mgnjob-} and its 17 characters. */
  private static String jobId(String id) {
    return "mgnjob-" + id.substring(id.length() - 17);
  }

  /** The instance MGN reports as launched for source server {@code id}. */
  static LaunchedInstance launchedInstance(String id) {
    long h = id.hashCode() & 0xffffffffL;
    return LaunchedInstance.builder()
        .ec2InstanceID(String.format(Locale.ROOT, "i-%017x", h))
        .jobID(jobId(id))
        .firstBoot(FirstBoot.SUCCEEDED)
        .build();
  }

  /** {@code lifeCycle.lastTest} of a test launched 10 minutes before {@code at}, finalized then. */
  static LifeCycleLastTest lastTest(String id, Instant at, boolean finalized) {
    LifeCycleLastTest.Builder b =
        LifeCycleLastTest.builder()
            .initiated(
                LifeCycleLastTestInitiated.builder()
                    .apiCallDateTime(iso(at.minus(Duration.ofMinutes(10))))
                    .jobID(jobId(id))
                    .build());
    if (finalized) {
      b.finalized(LifeCycleLastTestFinalized.builder().apiCallDateTime(iso(at)).build());
    }
    return b.build();
  }

  /**
   * {@code lifeCycle.lastCutover} of a cutover launched 10 minutes before {@code at}, finalized
   * then.
   */
  static LifeCycleLastCutover lastCutover(String id, Instant at, boolean finalized) {
    LifeCycleLastCutover.Builder b =
        LifeCycleLastCutover.builder()
            .initiated(
                LifeCycleLastCutoverInitiated.builder()
                    .apiCallDateTime(iso(at.minus(Duration.ofMinutes(10))))
                    .jobID(jobId(id))
                    .build());
    if (finalized) {
      b.finalized(LifeCycleLastCutoverFinalized.builder().apiCallDateTime(iso(at)).build());
    }
    return b.build();
  }

  /**
   * A lifecycle with {@code lastTest} and {@code lastCutover} as the {@code {}} sub-objects real
   * MGN sends before any test or cutover.
   */
  static LifeCycle.Builder neverLaunched(LifeCycle.Builder life) {
    return life.lastTest(LifeCycleLastTest.builder().build())
        .lastCutover(LifeCycleLastCutover.builder().build());
  }

  /** Lifecycles in which a test instance has been launched. */
  private static final java.util.Set<LifeCycleState> LAUNCHED =
      java.util.EnumSet.of(
          LifeCycleState.TESTING,
          LifeCycleState.READY_FOR_CUTOVER,
          LifeCycleState.CUTTING_OVER,
          LifeCycleState.CUTOVER);

  /** The new source server {@code id} from a test's spec, added at {@code now}. */
  public static SourceServer sourceServer(
      SourceServerSpec spec, String id, String arn, Instant now, String fsxProxyStepStatus) {
    DataReplicationState replication =
        spec.replicationState() != null
            ? spec.replicationState()
            : replicationFor(spec.lifeCycleState());
    LifeCycleState lifeCycle =
        spec.lifeCycleState() != null ? spec.lifeCycleState() : lifeCycleFor(replication);
    boolean synced = isPastInitialSync(replication);

    List<Disk> disks = new ArrayList<>();
    List<DataReplicationInfoReplicatedDisk> replicated = new ArrayList<>();
    for (SourceServerSpec.DiskSpec d : spec.disks()) {
      disks.add(Disk.builder().deviceName(d.deviceName()).bytes(d.bytes()).build());
      long done = d.replicatedBytes() >= 0 ? d.replicatedBytes() : synced ? d.bytes() : 0;
      replicated.add(
          DataReplicationInfoReplicatedDisk.builder()
              .deviceName(d.deviceName())
              .totalStorageBytes(replication == DataReplicationState.DISCONNECTED ? 0 : d.bytes())
              .replicatedStorageBytes(done)
              .backloggedStorageBytes(0L)
              .rescannedStorageBytes(0L)
              .build());
    }
    String added = iso(now.minus(2, ChronoUnit.HOURS));
    DataReplicationInfo.Builder info =
        DataReplicationInfo.builder()
            .dataReplicationState(replication)
            .dataReplicationInitiation(
                DataReplicationInitiation.builder()
                    .startDateTime(added)
                    .steps(steps(replication, fsxProxyStepStatus))
                    .build())
            .replicatedDisks(replicated);
    if (synced && replication != DataReplicationState.DISCONNECTED) {
      info.lagDuration(duration(Duration.ZERO))
          .lastSnapshotDateTime(iso(now.minus(10, ChronoUnit.MINUTES)));
    }
    if (replication == DataReplicationState.INITIAL_SYNC) {
      info.etaDateTime(iso(now.plus(1, ChronoUnit.HOURS)));
    }

    LifeCycle.Builder life =
        neverLaunched(LifeCycle.builder())
            .state(lifeCycle)
            .addedToServiceDateTime(added)
            .lastSeenByServiceDateTime(iso(now));
    // what a server in a lifecycle past testing has launched: a test (finalized once it was
    // marked ready for cutover), a cutover (finalized at CUTOVER), and the instance of the last one
    Instant launched = now.minus(30, ChronoUnit.MINUTES);
    boolean tested = lifeCycle != null && LAUNCHED.contains(lifeCycle);
    if (tested) {
      life.lastTest(lastTest(id, launched, lifeCycle != LifeCycleState.TESTING));
    }
    if (lifeCycle == LifeCycleState.CUTTING_OVER || lifeCycle == LifeCycleState.CUTOVER) {
      life.lastCutover(lastCutover(id, launched, lifeCycle == LifeCycleState.CUTOVER));
    }
    if (replication != DataReplicationState.INITIATING
        && replication != DataReplicationState.STOPPED) {
      life.firstByteDateTime(iso(now.minus(100, ChronoUnit.MINUTES)))
          .elapsedReplicationDuration(duration(Duration.ofMinutes(100)));
    }

    String fqdn = spec.fqdn() != null ? spec.fqdn() : spec.hostname();
    SourceProperties properties =
        SourceProperties.builder()
            .disks(disks)
            .identificationHints(
                IdentificationHints.builder()
                    .hostname(spec.hostname())
                    .fqdn(fqdn)
                    .awsInstanceID(spec.awsInstanceId())
                    .build())
            .lastUpdatedDateTime(iso(now))
            .os(OS.builder().fullString(spec.osFullString()).build())
            .ramBytes(spec.ramBytes())
            .cpus(
                CPU.builder()
                    .cores(2L)
                    .modelName("Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz")
                    .build())
            .networkInterfaces(
                NetworkInterface.builder()
                    .isPrimary(true)
                    .macAddress(macFor(id))
                    .ips("10.0.0." + (2 + Math.floorMod(id.hashCode(), 250)))
                    .build())
            .recommendedInstanceType("t3.medium")
            .build();

    return SourceServer.builder()
        .sourceServerID(id)
        .arn(arn)
        .launchedInstance(tested ? launchedInstance(id) : null)
        .isArchived(spec.archived())
        .replicationType(spec.replicationType())
        .tags(spec.tags())
        .userProvidedID(spec.userProvidedId())
        .fqdnForActionFramework(fqdn)
        .lifeCycle(life.build())
        // servers MGN knows without an agent (imported: DISCOVERED, PENDING_INSTALLATION) have
        // no replication to report
        .dataReplicationInfo(
            spec.replicationState() == null && isAgentless(lifeCycle) ? null : info.build())
        .sourceProperties(properties)
        .build();
  }

  /**
   * A source server as an agent registration describes it, added at {@code now}; the simulation
   * fills in its replication.
   */
  public static SourceServer registeredServer(
      AgentRegistration reg, String id, String arn, Instant now) {
    SourceServer base =
        SourceServer.builder()
            .sourceServerID(id)
            .arn(arn)
            .isArchived(false)
            .replicationType(ReplicationType.AGENT_BASED)
            .tags(reg.tags())
            .lifeCycle(
                neverLaunched(LifeCycle.builder())
                    .state(LifeCycleState.NOT_READY)
                    .addedToServiceDateTime(iso(now))
                    .lastSeenByServiceDateTime(iso(now))
                    .build())
            .dataReplicationInfo(DataReplicationInfo.builder().build())
            .sourceProperties(SourceProperties.builder().build())
            .build();
    return withAgentFacts(base, reg, now);
  }

  /** {@code server} with what a (re)registering agent reported: names, NICs, OS, CPUs, RAM. */
  public static SourceServer withAgentFacts(
      SourceServer server, AgentRegistration reg, Instant now) {
    String fqdn = reg.fqdn() != null ? reg.fqdn() : reg.hostname();
    List<NetworkInterface> nics = new ArrayList<>();
    for (int i = 0; i < reg.macAddresses().size(); i++) {
      nics.add(
          NetworkInterface.builder()
              .isPrimary(i == 0)
              .macAddress(mac(reg.macAddresses().get(i)))
              .ips("10.0.0." + (10 + i))
              .build());
    }
    SourceProperties properties =
        server.sourceProperties().toBuilder()
            .identificationHints(
                IdentificationHints.builder().hostname(reg.hostname()).fqdn(fqdn).build())
            .lastUpdatedDateTime(iso(now))
            .os(OS.builder().fullString(reg.os()).build())
            .ramBytes(reg.ramBytes())
            .cpus(
                CPU.builder()
                    .cores((long) reg.cpus())
                    .modelName("Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz")
                    .build())
            .networkInterfaces(nics)
            .recommendedInstanceType("t3.medium")
            .build();
    SourceServer.Builder b =
        server.toBuilder().fqdnForActionFramework(fqdn).sourceProperties(properties);
    if (reg.userProvidedId() != null) {
      b.userProvidedID(reg.userProvidedId());
    }
    return b.build();
  }

  /** The replication state MGN shows with a lifecycle state. */
  static DataReplicationState replicationFor(LifeCycleState lifeCycle) {
    if (lifeCycle == null) {
      return DataReplicationState.CONTINUOUS;
    }
    switch (lifeCycle) {
      case DISCONNECTED:
      case CUTOVER:
        return DataReplicationState.DISCONNECTED;
      case NOT_READY:
        return DataReplicationState.INITIAL_SYNC;
      case STOPPED:
      case DISCOVERED:
      case PENDING_INSTALLATION:
        return DataReplicationState.STOPPED;
      default:
        return DataReplicationState.CONTINUOUS;
    }
  }

  static boolean isAgentless(LifeCycleState lifeCycle) {
    return lifeCycle == LifeCycleState.DISCOVERED
        || lifeCycle == LifeCycleState.PENDING_INSTALLATION;
  }

  /** The lifecycle state MGN shows with a replication state. */
  static LifeCycleState lifeCycleFor(DataReplicationState replication) {
    switch (replication) {
      case DISCONNECTED:
        return LifeCycleState.DISCONNECTED;
      case STOPPED:
        return LifeCycleState.STOPPED;
      case INITIATING:
      case INITIAL_SYNC:
        return LifeCycleState.NOT_READY;
      default:
        return LifeCycleState.READY_FOR_TEST;
    }
  }

  private static boolean isPastInitialSync(DataReplicationState state) {
    return state != DataReplicationState.INITIATING
        && state != DataReplicationState.INITIAL_SYNC
        && state != DataReplicationState.STOPPED;
  }

  /**
   * The initiation steps: all done past initiation, the first few done while initiating; the
   * current model's {@code SETUP_FSX_PROXY} last, ending as {@code fsxProxyStepStatus} (null: not
   * reported).
   */
  static List<DataReplicationInitiationStep> steps(
      DataReplicationState state, String fsxProxyStepStatus) {
    List<DataReplicationInitiationStep> steps = new ArrayList<>();
    int i = 0;
    for (DataReplicationInitiationStepName name : ReplicationRenderer.STEPS) {
      DataReplicationInitiationStepStatus status;
      if (state == DataReplicationState.STOPPED) {
        status = DataReplicationInitiationStepStatus.NOT_STARTED;
      } else if (state == DataReplicationState.INITIATING) {
        status =
            i < 2
                ? DataReplicationInitiationStepStatus.SUCCEEDED
                : i == 2
                    ? DataReplicationInitiationStepStatus.IN_PROGRESS
                    : DataReplicationInitiationStepStatus.NOT_STARTED;
      } else {
        status = DataReplicationInitiationStepStatus.SUCCEEDED;
      }
      steps.add(DataReplicationInitiationStep.builder().name(name).status(status).build());
      i++;
    }
    if (fsxProxyStepStatus != null) {
      boolean done =
          state != DataReplicationState.STOPPED && state != DataReplicationState.INITIATING;
      steps.add(
          DataReplicationInitiationStep.builder()
              .name(ReplicationRenderer.SETUP_FSX_PROXY)
              .status(done ? fsxProxyStepStatus : "NOT_STARTED")
              .build());
    }
    return steps;
  }

  private static String macFor(String id) {
    int h = id.hashCode();
    return mac(
        String.format(
            Locale.ROOT,
            "0a:%02x:%02x:%02x:%02x:%02x",
            (h >>> 24) & 0xff,
            (h >>> 16) & 0xff,
            (h >>> 8) & 0xff,
            h & 0xff,
            id.length()));
  }

  /**
   * A replication configuration template with the console's documented defaults (public IP and
   * routing, st1 for large disks, t3.small), as an initialized account holds.
   */
  public static ReplicationConfigurationTemplate defaultTemplate(String region, String accountId) {
    String id = Ids.resourceId("rct-");
    return ReplicationConfigurationTemplate.builder()
        .replicationConfigurationTemplateID(id)
        .arn(
            "arn:aws:mgn:" + region + ":" + accountId + ":replication-configuration-template/" + id)
        .associateDefaultSecurityGroup(true)
        .bandwidthThrottling(0L)
        .createPublicIP(true)
        .dataPlaneRouting(ReplicationConfigurationDataPlaneRouting.PUBLIC_IP)
        .defaultLargeStagingDiskType(ReplicationConfigurationDefaultLargeStagingDiskType.ST1)
        .ebsEncryption(ReplicationConfigurationEbsEncryption.DEFAULT)
        .replicationServerInstanceType("t3.small")
        .replicationServersSecurityGroupsIDs(List.of())
        .stagingAreaSubnetId(Ids.resourceId("subnet-"))
        .stagingAreaTags(java.util.Map.of())
        .useDedicatedReplicationServer(false)
        .useFipsEndpoint(false)
        .tags(java.util.Map.of())
        .build();
  }
}
