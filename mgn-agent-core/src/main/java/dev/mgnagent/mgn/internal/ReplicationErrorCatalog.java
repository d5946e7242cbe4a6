package dev.mgnagent.mgn.internal;

import java.util.Map;

/**
 * What each {@code dataReplicationError} value means and what to do about it (facts, sections 7 and
 * 8). Every value of the current MGN model (18, the two FSx values included) is here; unknown
 * values get a generic remedy.
 */
public final class ReplicationErrorCatalog {

  /** A meaning and a remedy. */
  public record Entry(String meaning, String remedy) {}

  private static final String PORT_443 =
      "the source must reach MGN and S3 on TCP 443 (check"
          + " firewalls, proxies and TLS inspection)";
  private static final String STAGING =
      "check the replication settings (staging subnet,"
          + " security groups, instance type) and the EC2 quotas of the account, then retry with"
          + " RetryDataReplication";

  private static final Map<String, Entry> ENTRIES =
      Map.ofEntries(
          Map.entry(
              "AGENT_NOT_SEEN",
              new Entry(
                  "MGN has not heard from the replication agent: the agent service is down, the host is"
                      + " off, or outbound TCP 443 is blocked",
                  "start the agent service on the source (systemctl status aws-replication) and make sure"
                      + " "
                      + PORT_443)),
          Map.entry(
              "SNAPSHOTS_FAILURE",
              new Entry(
                  "MGN could not take EBS snapshots of the staging disks",
                  "check EBS snapshot quotas and the KMS key policy of the staging disks, then retry")),
          Map.entry(
              "NOT_CONVERGING",
              new Entry(
                  "the source writes faster than replication can copy, so the backlog keeps growing",
                  "raise the bandwidth throttling limit or the network capacity, or use a larger"
                      + " replication server instance type")),
          Map.entry(
              "UNSTABLE_NETWORK",
              new Entry(
                  "the connection between the agent and the replication server keeps breaking",
                  "check packet loss, MTU and any NAT or firewall idle timeouts on the path to TCP 1500")),
          Map.entry(
              "FAILED_TO_CREATE_SECURITY_GROUP",
              new Entry(
                  "MGN could not create the replication servers' security group",
                  "check that the MGN service roles exist (run 'mgn-agent init-service') and the VPC"
                      + " security group quota; "
                      + STAGING)),
          Map.entry(
              "FAILED_TO_LAUNCH_REPLICATION_SERVER",
              new Entry(
                  "MGN could not launch the replication server in the staging subnet", STAGING)),
          Map.entry(
              "FAILED_TO_BOOT_REPLICATION_SERVER",
              new Entry(
                  "the replication server was launched but did not boot",
                  "check the staging subnet and the replication server instance type; " + STAGING)),
          Map.entry(
              "FAILED_TO_AUTHENTICATE_WITH_SERVICE",
              new Entry(
                  "the replication server could not authenticate with MGN over TCP 443",
                  "give the staging subnet a route to the MGN endpoint on TCP 443 (a NAT, an internet"
                      + " gateway or an MGN VPC endpoint), and reinitialize the service roles if they"
                      + " were changed")),
          Map.entry(
              "FAILED_TO_DOWNLOAD_REPLICATION_SOFTWARE",
              new Entry(
                  "the replication server could not download its software from S3",
                  "give the staging subnet a route to S3 on TCP 443 (an S3 gateway endpoint or a NAT)")),
          Map.entry(
              "FAILED_TO_CREATE_STAGING_DISKS",
              new Entry(
                  "MGN could not create the EBS staging disks",
                  "check EBS volume quotas and the KMS key used for EBS encryption; " + STAGING)),
          Map.entry(
              "FAILED_TO_ATTACH_STAGING_DISKS",
              new Entry(
                  "MGN could not attach the staging disks to the replication server", STAGING)),
          Map.entry(
              "FAILED_TO_PAIR_REPLICATION_SERVER_WITH_AGENT",
              new Entry(
                  "the agent and the replication server could not pair",
                  "make sure the agent reaches MGN on TCP 443 and the replication server on TCP 1500,"
                      + " then retry; reinstall the agent if it persists")),
          Map.entry(
              "FAILED_TO_CONNECT_AGENT_TO_REPLICATION_SERVER",
              new Entry(
                  "the agent cannot reach the replication server: TCP 1500 is blocked",
                  "allow outbound TCP 1500 from the source to the staging subnet (firewall, network ACL,"
                      + " and the replication servers' security group inbound rule)")),
          Map.entry(
              "FAILED_TO_START_DATA_TRANSFER",
              new Entry(
                  "the replication server could not start copying data",
                  "check TCP 1500 between the source and the staging subnet and that the agent service"
                      + " runs, then retry with RetryDataReplication")),
          Map.entry(
              "UNSUPPORTED_VM_CONFIGURATION",
              new Entry(
                  "the source machine's configuration is not supported by MGN",
                  "check the supported operating systems, boot mode and disk limits, and remove"
                      + " unsupported disks with the installer's --devices")),
          Map.entry(
              "LAST_SNAPSHOT_JOB_FAILED",
              new Entry(
                  "the last snapshot job failed",
                  "read the job log (DescribeJobLogItems) and retry; check EBS snapshot quotas")),
          Map.entry(
              "FAILED_TO_SETUP_FSX_PROXY",
              new Entry(
                  "MGN could not set up the proxy that connects replication to the FSx for NetApp ONTAP"
                      + " staging storage",
                  "check the network path and permissions to the FSx file system (the"
                      + " AWSApplicationMigrationFsxProxyRole and AWSApplicationMigrationFsxProxyLinkRole"
                      + " roles, the SVM and its secret), then retry with RetryDataReplication")),
          Map.entry(
              "FAILED_TO_CREATE_FSX_SNAPSHOT",
              new Entry(
                  "MGN could not take a snapshot on the FSx for NetApp ONTAP staging storage",
                  "check the FSx file system's snapshot limits and its free capacity, then retry")));

  private ReplicationErrorCatalog() {}

  /** Whether {@code code} is one of MGN's documented values. */
  public static boolean isKnown(String code) {
    return ENTRIES.containsKey(code);
  }

  /** Every value with its own entry. */
  public static java.util.Set<String> knownCodes() {
    return ENTRIES.keySet();
  }

  /** The meaning and remedy of {@code code}. */
  public static Entry explain(String code) {
    Entry e = ENTRIES.get(code);
    if (e != null) {
      return e;
    }
    return new Entry(
        "MGN reports the replication error " + code,
        "look the error up in the MGN console's server details and the MGN troubleshooting"
            + " guide, then retry with RetryDataReplication");
  }
}
