package dev.mgnagent.preflight.internal;

/**
 * One TCP endpoint to probe.
 *
 * @param group the check it belongs to, such as {@code network.s3-443}
 * @param label how evidence names it (a bucket or endpoint)
 * @param host the host name or address
 * @param port the TCP port
 */
public record ProbeTarget(String group, String label, String host, int port) {

  /** {@code host:port}, brackets around IPv6 literals. */
  public String address() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
