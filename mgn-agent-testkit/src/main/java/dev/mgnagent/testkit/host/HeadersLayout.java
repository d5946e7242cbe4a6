package dev.mgnagent.testkit.host;

/** Where a distribution installs the kernel headers the agent's driver is built against. */
public enum HeadersLayout {

  /** RHEL, CentOS, Oracle, Rocky, Amazon Linux: {@code usr/src/kernels/<release>}. */
  RPM,

  /** Debian and Ubuntu: {@code usr/src/linux-headers-<release>}. */
  DEB
}
