package dev.mgnagent.installer;

/**
 * Why the installer failed, recognized from the error lines it prints (facts, sections 3 and 8),
 * each with what to do about it.
 */
public enum InstallerFailure {
  ACCOUNT_NOT_INITIALIZED(
      "MGN is not initialized in this region: run 'mgn-agent init-service'"
          + " (seed step 1) with an administrator's credentials, then install again"),
  INVALID_CREDENTIALS(
      "the installer could not validate the AWS credentials: check the access key"
          + " and secret (and session token for ASIA keys), and that the key has"
          + " AWSApplicationMigrationAgentInstallationPolicy"),
  PREVIOUSLY_INSTALLED(
      "this server was installed into another region or account: disconnect and"
          + " delete that source server first, then install again"),
  TAGS_ALREADY_EXIST(
      "the server is already registered and tags can only be set on a new source"
          + " server: install again without tags (change tags with the MGN console or API)"),
  NOT_ROOT("the installer needs root: run mgn-agent as root or give it passwordless sudo"),
  KERNEL_HEADERS_MISSING(
      "the replication driver could not be built: install the kernel headers"
          + " for exactly the running kernel (kernel-devel-$(uname -r) or linux-headers-$(uname -r)),"
          + " and check that /tmp has free space (or set TMPDIR to a disk-backed directory)"),
  GCC_MISSING("gcc is missing and could not be fetched: install gcc (and make) and install again"),
  UNSUPPORTED_OS("this Linux is not supported by the installer (its C library is too old)"),
  UNSUPPORTED_KERNEL("this kernel version is not supported by MGN"),
  NETWORK_BLOCKED(
      "the installer could not reach AWS over TCP 443: open outbound 443 to the MGN"
          + " endpoint and the S3 buckets (or use endpoint and s3Endpoint with VPC endpoints)"),
  CERTIFICATE_NOT_TRUSTED(
      "the server does not trust the Amazon root certificates (or a proxy"
          + " intercepts TLS): update the CA bundle and exclude MGN from TLS inspection"),
  USER_FILES_IMMUTABLE(
      "the aws-replication user or its sudoers entry could not be created:"
          + " check 'lsattr /etc/passwd /etc/group /etc/shadow /etc/sudoers' and remove the immutable flag"),
  TMP_NOEXEC("/tmp is mounted noexec: remount it exec or set TMPDIR to an exec directory"),
  DRIVER_BLOCKED(
      "the replication driver could not be loaded: SELinux, Secure Boot or antivirus"
          + " blocked it (check 'mokutil --sb-state', restorecon the module, allow-list the agent)"),
  ORACLE_ASM_ACTIVE(
      "Oracle ASM Filter Driver is active: deactivate it, reboot, install, re-enable"),
  REBOOT_REQUIRED(
      "the server has not been restarted since the agent was uninstalled: reboot first"),
  TIMED_OUT(
      "the installer did not finish in time and was stopped with its whole process tree:"
          + " check its last lines and the network"),
  ANSWER_REFUSED(
      "the installer asked the same question again, so it refused mgn-agent's answer:"
          + " check the last lines"),
  UNKNOWN_PROMPT(
      "the installer asked a question mgn-agent does not know how to answer and was"
          + " stopped with its whole process tree: run the installer by hand to answer it, or give the"
          + " value it asks for as a parameter, and report the question so that mgn-agent learns it"),
  CRASHED(
      "the installer ended without saying why: check its last lines and"
          + " /var/lib/aws-replication-agent/aws_replication_agent_installer.log"),
  NO_SOURCE_SERVER_ID(
      "the installer said it finished but printed no source server ID: check the"
          + " MGN console for this server");

  private final String remedy;

  InstallerFailure(String remedy) {
    this.remedy = remedy;
  }

  /** What happened and what to do, one sentence. */
  public String remedy() {
    return remedy;
  }
}
