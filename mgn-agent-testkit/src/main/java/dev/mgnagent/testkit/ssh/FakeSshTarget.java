package dev.mgnagent.testkit.ssh;

import java.util.Objects;

/**
 * Where a client reaches a fake SSH host: {@code 127.0.0.1}, its port and the user it accepts, as
 * plain values (so the testkit needs no client library).
 */
public final class FakeSshTarget {

  private final String host;
  private final int port;
  private final String user;

  FakeSshTarget(String host, int port, String user) {
    this.host = Objects.requireNonNull(host, "host");
    this.port = port;
    this.user = Objects.requireNonNull(user, "user");
  }

  /** Always {@code 127.0.0.1}. */
  public String host() {
    return host;
  }

  /** The port (ephemeral; for an unreachable host, a port nothing listens on). */
  public int port() {
    return port;
  }

  /** The user the host accepts. */
  public String user() {
    return user;
  }

  /** {@code user@127.0.0.1:port}, the form {@code SshTarget.parse} reads. */
  @Override
  public String toString() {
    return user + "@" + host + ":" + port;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FakeSshTarget t
        && t.host.equals(host)
        && t.port == port
        && t.user.equals(user);
  }

  @Override
  public int hashCode() {
    return Objects.hash(host, port, user);
  }
}
