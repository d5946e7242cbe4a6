package dev.mgnagent.testkit.mgn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.mgn.model.DataReplicationState;
import software.amazon.awssdk.services.mgn.model.LifeCycleState;
import software.amazon.awssdk.services.mgn.model.ReplicationType;

/**
 * A source server to put straight into a {@link FakeMgn} with {@link
 * FakeMgn#addSourceServer(SourceServerSpec)}, as if an agent had registered it and replicated it up
 * to the given state.
 *
 * <pre>{@code
 * String id = mgn.addSourceServer(SourceServerSpec.builder()
 *     .hostname("web-1")
 *     .disk("/dev/vda", 20L << 30)
 *     .disk("/dev/vdb", 100L << 30)
 *     .tag("team", "blue")
 *     .replicationState(DataReplicationState.CONTINUOUS)
 *     .build());
 * }</pre>
 *
 * <p>Unset states follow each other: with only a replication state, the lifecycle is the one MGN
 * shows with it ({@code CONTINUOUS} gives {@code READY_FOR_TEST}, {@code INITIATING} and {@code
 * INITIAL_SYNC} give {@code NOT_READY}, {@code DISCONNECTED} gives {@code DISCONNECTED}); with only
 * a lifecycle state, the replication state follows likewise; with neither, the server is fully
 * replicated ({@code CONTINUOUS}, {@code READY_FOR_TEST}). Replicated bytes default to the disk
 * size once the initial sync is over, and to 0 before.
 *
 * @param hostname the host name in {@code identificationHints}
 * @param fqdn the fully qualified name in {@code identificationHints}, or null
 * @param awsInstanceId the EC2 instance ID in {@code identificationHints}, or null
 * @param userProvidedId the {@code userProvidedID}, or null
 * @param disks the disks, in order
 * @param tags the source server's tags
 * @param lifeCycleState the lifecycle state, or null to derive it
 * @param replicationState the data replication state, or null to derive it
 * @param replicationType {@code AGENT_BASED} unless set
 * @param archived whether the server is archived
 * @param osFullString the operating system description
 * @param ramBytes the memory size
 * @param bootDisk the disk {@code GetReplicationConfiguration} marks {@code isBootDisk}; null for
 *     the first disk
 */
public record SourceServerSpec(
    String hostname,
    String fqdn,
    String awsInstanceId,
    String userProvidedId,
    List<DiskSpec> disks,
    Map<String, String> tags,
    LifeCycleState lifeCycleState,
    DataReplicationState replicationState,
    ReplicationType replicationType,
    boolean archived,
    String osFullString,
    long ramBytes,
    String bootDisk) {

  /** Copies the lists and maps. */
  public SourceServerSpec {
    Objects.requireNonNull(hostname, "hostname");
    disks = List.copyOf(disks);
    tags = Map.copyOf(tags);
    Objects.requireNonNull(replicationType, "replicationType");
    Objects.requireNonNull(osFullString, "osFullString");
    if (bootDisk != null && disks.stream().noneMatch(d -> d.deviceName().equals(bootDisk))) {
      throw new IllegalArgumentException("the boot disk must be one of the disks: " + bootDisk);
    }
  }

  /**
   * One disk of a source server.
   *
   * @param deviceName the full device path, such as {@code /dev/vda}
   * @param bytes the disk size
   * @param replicatedBytes the bytes replicated so far, or -1 for the state's default
   */
  public record DiskSpec(String deviceName, long bytes, long replicatedBytes) {
    /** Checks the values. */
    public DiskSpec {
      Objects.requireNonNull(deviceName, "deviceName");
      if (!deviceName.startsWith("/dev/")) {
        throw new IllegalArgumentException(
            "deviceName must be a full path such as /dev/vda, not " + deviceName);
      }
      if (bytes < 0 || replicatedBytes < -1 || replicatedBytes > bytes) {
        throw new IllegalArgumentException("bad sizes for " + deviceName);
      }
    }
  }

  /**
   * A builder; the host name defaults to {@code fake-host}, with one 8 GiB disk {@code /dev/vda}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link SourceServerSpec}. */
  public static final class Builder {
    private String hostname = "fake-host";
    private String fqdn;
    private String awsInstanceId;
    private String userProvidedId;
    private final List<DiskSpec> disks = new ArrayList<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private LifeCycleState lifeCycleState;
    private DataReplicationState replicationState;
    private ReplicationType replicationType = ReplicationType.AGENT_BASED;
    private boolean archived;
    private String osFullString = "Linux version 5.14.0-427.13.1.el9_4.x86_64";
    private long ramBytes = 4L << 30;
    private String bootDisk;

    private Builder() {}

    /** The host name. */
    public Builder hostname(String hostname) {
      this.hostname = hostname;
      return this;
    }

    /** The fully qualified domain name. */
    public Builder fqdn(String fqdn) {
      this.fqdn = fqdn;
      return this;
    }

    /** The EC2 instance ID, for a source server that is itself an EC2 instance. */
    public Builder awsInstanceId(String awsInstanceId) {
      this.awsInstanceId = awsInstanceId;
      return this;
    }

    /** The {@code userProvidedID} (the installer's {@code --user-provided-id}). */
    public Builder userProvidedId(String userProvidedId) {
      this.userProvidedId = userProvidedId;
      return this;
    }

    /** Adds a disk, such as {@code disk("/dev/vda", 20L << 30)}. */
    public Builder disk(String deviceName, long bytes) {
      disks.add(new DiskSpec(deviceName, bytes, -1));
      return this;
    }

    /** Adds a disk with the bytes replicated so far. */
    public Builder disk(String deviceName, long bytes, long replicatedBytes) {
      disks.add(new DiskSpec(deviceName, bytes, replicatedBytes));
      return this;
    }

    /** Adds a tag. */
    public Builder tag(String key, String value) {
      tags.put(key, value);
      return this;
    }

    /** Adds tags. */
    public Builder tags(Map<String, String> tags) {
      this.tags.putAll(tags);
      return this;
    }

    /** The lifecycle state. */
    public Builder lifeCycleState(LifeCycleState state) {
      this.lifeCycleState = state;
      return this;
    }

    /** The data replication state. */
    public Builder replicationState(DataReplicationState state) {
      this.replicationState = state;
      return this;
    }

    /** The replication type ({@code AGENT_BASED} by default). */
    public Builder replicationType(ReplicationType type) {
      this.replicationType = type;
      return this;
    }

    /** Whether the server is archived. */
    public Builder archived(boolean archived) {
      this.archived = archived;
      return this;
    }

    /** The operating system description in {@code sourceProperties.os.fullString}. */
    public Builder osFullString(String osFullString) {
      this.osFullString = osFullString;
      return this;
    }

    /** The memory size in {@code sourceProperties.ramBytes}. */
    public Builder ramBytes(long ramBytes) {
      this.ramBytes = ramBytes;
      return this;
    }

    /** The disk the host boots from (by default the first disk). */
    public Builder bootDisk(String deviceName) {
      this.bootDisk = deviceName;
      return this;
    }

    /** The spec. */
    public SourceServerSpec build() {
      List<DiskSpec> d = disks.isEmpty() ? List.of(new DiskSpec("/dev/vda", 8L << 30, -1)) : disks;
      return new SourceServerSpec(
          hostname,
          fqdn,
          awsInstanceId,
          userProvidedId,
          d,
          tags,
          lifeCycleState,
          replicationState,
          replicationType,
          archived,
          osFullString,
          ramBytes,
          bootDisk);
    }
  }
}
