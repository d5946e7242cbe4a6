package dev.mgnagent.testkit.ssh;

import dev.mgnagent.testkit.ssh.internal.JumpServer;
import java.security.PublicKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/**
 * The fake jump host (bastion) of a {@link FakeSshFleet}: an SSH server on {@code 127.0.0.1} that
 * accepts the fleet's client key for the fleet's user and forwards TCP connections ({@code
 * direct-tcpip}, what OpenSSH's {@code ProxyJump} uses) only to the fleet's hosts. Hosts
 * {@linkplain FakeSshHostBuilder#behindJump() behind it} have names only it resolves, so they can
 * be reached through it and no other way. It runs no commands and serves no files.
 */
public final class FakeSshJumpHost {

  private final FakeSshTarget target;
  private final PublicKey recordedKey;
  private final PublicKey servedKey;
  private final JumpServer server;

  FakeSshJumpHost(
      FakeSshTarget target, PublicKey recordedKey, PublicKey servedKey, JumpServer server) {
    this.target = target;
    this.recordedKey = recordedKey;
    this.servedKey = servedKey;
    this.server = server;
  }

  /** {@code 127.0.0.1}, its port and the fleet's user. */
  public FakeSshTarget target() {
    return target;
  }

  /**
   * Its known_hosts line, {@code [127.0.0.1]:PORT ssh-ed25519 AAAA...} (the old key if changed).
   */
  public String hostKeyLine() {
    return "[" + target.host() + "]:" + target.port() + " " + PublicKeyEntry.toString(recordedKey);
  }

  /** The recorded key's fingerprint, {@code SHA256:...}. */
  public String hostKeyFingerprint() {
    return KeyUtils.getFingerPrint(recordedKey);
  }

  /** The served key's fingerprint, {@code SHA256:...}. */
  public String servedHostKeyFingerprint() {
    return KeyUtils.getFingerPrint(servedKey);
  }

  /** How many connections to fleet hosts it has forwarded. */
  public int forwardedConnections() {
    return server.forwardedConnections();
  }

  /** How many forwarding requests it refused (a destination that is not a fleet host). */
  public int refusedConnections() {
    return server.refusedConnections();
  }

  @Override
  public String toString() {
    return "FakeSshJumpHost[" + target + "]";
  }
}
