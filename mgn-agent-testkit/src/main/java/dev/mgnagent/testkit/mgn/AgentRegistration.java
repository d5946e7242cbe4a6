package dev.mgnagent.testkit.mgn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a replication agent tells MGN when it registers a host: what {@link
 * FakeMgn#registerAgent(AgentRegistration)} and the fake's own {@code POST
 * /fake-agent/RegisterAgentForMgn} endpoint take.
 *
 * <pre>{@code
 * RegistrationResult r = mgn.registerAgent(AgentRegistration.builder()
 *     .hostname("web-1").macAddress("0a:1b:2c:3d:4e:5f")
 *     .disk("/dev/vda", 20L << 30)
 *     .build());
 * }</pre>
 *
 * @param hostname the host name (required)
 * @param fqdn the fully qualified name, or null for the host name
 * @param macAddresses the MAC addresses, the primary one first; the first identifies the host
 * @param disks the disks the agent replicates ({@code replicatedDisks}), in order
 * @param hostDisks every disk of the host as the agent sees it ({@code sourceProperties.disks});
 *     when empty, the replicated disks are reported there
 * @param tags tags for a new source server (refused for an existing one)
 * @param userProvidedId the installer's {@code --user-provided-id}, or null
 * @param os the operating system description
 * @param cpus the number of CPU cores
 * @param ramBytes the memory size
 * @param noReplication the installer's {@code --no-replication}: the server stays STOPPED until
 *     {@code StartReplication}
 * @param bootDisk the replicated disk the host boots from, which {@code
 *     GetReplicationConfiguration} marks {@code isBootDisk}; null for the first disk
 */
public record AgentRegistration(
    String hostname,
    String fqdn,
    List<String> macAddresses,
    List<RegisteredDisk> disks,
    List<RegisteredDisk> hostDisks,
    Map<String, String> tags,
    String userProvidedId,
    String os,
    int cpus,
    long ramBytes,
    boolean noReplication,
    String bootDisk) {

  /** Checks the values and copies the lists and maps. */
  public AgentRegistration {
    if (hostname == null || hostname.isBlank()) {
      throw new IllegalArgumentException("a registration needs a hostname");
    }
    macAddresses = List.copyOf(macAddresses);
    disks = List.copyOf(disks);
    hostDisks = List.copyOf(hostDisks);
    tags = Map.copyOf(tags);
    Objects.requireNonNull(os, "os");
    if (cpus < 1 || ramBytes < 0) {
      throw new IllegalArgumentException("cpus must be at least 1 and ramBytes at least 0");
    }
    if (bootDisk != null && disks.stream().noneMatch(d -> d.deviceName().equals(bootDisk))) {
      throw new IllegalArgumentException("the boot disk must be a replicated disk: " + bootDisk);
    }
  }

  /**
   * One disk the agent reports.
   *
   * @param deviceName the full device path, such as {@code /dev/vda}
   * @param bytes the size
   */
  public record RegisteredDisk(String deviceName, long bytes) {
    /** Checks the values. */
    public RegisteredDisk {
      Objects.requireNonNull(deviceName, "deviceName");
      if (!deviceName.startsWith("/dev/")) {
        throw new IllegalArgumentException(
            "deviceName must be a full path such as /dev/vda, not " + deviceName);
      }
      if (bytes < 0) {
        throw new IllegalArgumentException("bytes must not be negative for " + deviceName);
      }
    }
  }

  /** A builder: no MACs, no disks, 2 CPUs, 4 GiB of memory, a RHEL 9 kernel string. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AgentRegistration}. */
  public static final class Builder {
    private String hostname;
    private String fqdn;
    private final List<String> macAddresses = new ArrayList<>();
    private final List<RegisteredDisk> disks = new ArrayList<>();
    private final List<RegisteredDisk> hostDisks = new ArrayList<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private String userProvidedId;
    private String os = "Linux version 5.14.0-427.13.1.el9_4.x86_64";
    private int cpus = 2;
    private long ramBytes = 4L << 30;
    private boolean noReplication;
    private String bootDisk;

    private Builder() {}

    /** The host name. */
    public Builder hostname(String hostname) {
      this.hostname = hostname;
      return this;
    }

    /** The fully qualified name. */
    public Builder fqdn(String fqdn) {
      this.fqdn = fqdn;
      return this;
    }

    /** Adds a MAC address; the first one added is the primary one. */
    public Builder macAddress(String mac) {
      macAddresses.add(Objects.requireNonNull(mac, "mac"));
      return this;
    }

    /** Adds a disk. */
    public Builder disk(String deviceName, long bytes) {
      disks.add(new RegisteredDisk(deviceName, bytes));
      return this;
    }

    /** Adds a disk of the host, reported in {@code sourceProperties.disks}. */
    public Builder hostDisk(String deviceName, long bytes) {
      hostDisks.add(new RegisteredDisk(deviceName, bytes));
      return this;
    }

    /** Adds a tag. */
    public Builder tag(String key, String value) {
      tags.put(key, value);
      return this;
    }

    /** The user-provided ID. */
    public Builder userProvidedId(String id) {
      this.userProvidedId = id;
      return this;
    }

    /** The operating system description. */
    public Builder os(String os) {
      this.os = os;
      return this;
    }

    /** The number of CPU cores. */
    public Builder cpus(int cpus) {
      this.cpus = cpus;
      return this;
    }

    /** The memory size. */
    public Builder ramBytes(long ramBytes) {
      this.ramBytes = ramBytes;
      return this;
    }

    /** Registers without starting replication. */
    public Builder noReplication(boolean noReplication) {
      this.noReplication = noReplication;
      return this;
    }

    /** The replicated disk the host boots from (by default the first disk). */
    public Builder bootDisk(String deviceName) {
      this.bootDisk = deviceName;
      return this;
    }

    /** The registration. */
    public AgentRegistration build() {
      return new AgentRegistration(
          hostname,
          fqdn,
          macAddresses,
          disks,
          hostDisks,
          tags,
          userProvidedId,
          os,
          cpus,
          ramBytes,
          noReplication,
          bootDisk);
    }
  }
}
