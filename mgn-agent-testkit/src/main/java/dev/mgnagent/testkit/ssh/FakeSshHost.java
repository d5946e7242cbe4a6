package dev.mgnagent.testkit.ssh;

import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;

/**
 * One host of a started {@link FakeSshFleet}: where to reach it, the host key clients should
 * expect, the fake Linux host tree behind it, and the commands it ran.
 *
 * <p>Exec and SFTP see the local file system at its real absolute paths, so a command run on the
 * host and an SFTP read of the same path agree. The host's own files (disks, {@code etc}, {@code
 * proc}, ...) live under {@link #root()}; core's {@code SshHost} reads them there through its
 * test-only {@code remoteRoot} option (for example {@code remoteRoot(host.root().toString())}),
 * while commands it runs are unaffected. The exec environment names the tree in {@code
 * MGNAGENT_FAKE_HOST_ROOT}, which is how a fake installer uploaded there finds the host it runs on.
 */
public final class FakeSshHost {

  private final String name;
  private final FakeSshTarget target;
  private final PublicKey recordedKey;
  private final PublicKey servedKey;
  private final Path root;
  private final Path bin;
  private final Path home;
  private final String hostname;
  private final String macAddress;
  private final ProcessLog log;

  FakeSshHost(
      String name,
      FakeSshTarget target,
      PublicKey recordedKey,
      PublicKey servedKey,
      Path root,
      Path bin,
      Path home,
      String hostname,
      String macAddress,
      ProcessLog log) {
    this.name = name;
    this.target = target;
    this.recordedKey = recordedKey;
    this.servedKey = servedKey;
    this.root = root;
    this.bin = bin;
    this.home = home;
    this.hostname = hostname;
    this.macAddress = macAddress;
    this.log = log;
  }

  /** Its name in the fleet. */
  public String name() {
    return name;
  }

  /**
   * {@code 127.0.0.1}, its port and its user; for a host {@linkplain
   * FakeSshHostBuilder#behindJump() behind the jump host}, {@code NAME.behind-jump.invalid} port
   * 22.
   */
  public FakeSshTarget target() {
    return target;
  }

  /**
   * The known_hosts line {@link FakeSshFleet#writeKnownHosts} writes for it: {@code
   * [127.0.0.1]:PORT ssh-ed25519 AAAA...}. For a host with a {@linkplain
   * FakeSshHostBuilder#changedHostKey() changed key} this is the old key, not the one it serves.
   */
  public String hostKeyLine() {
    return knownHostsName() + " " + PublicKeyEntry.toString(recordedKey);
  }

  /** How known_hosts names it: {@code [host]:port}, or the bare host name on port 22. */
  private String knownHostsName() {
    return target.port() == 22 ? target.host() : "[" + target.host() + "]:" + target.port();
  }

  /** The same line with the key it actually serves. */
  public String servedHostKeyLine() {
    return knownHostsName() + " " + PublicKeyEntry.toString(servedKey);
  }

  /** The recorded key's fingerprint, {@code SHA256:...} as OpenSSH shows it. */
  public String hostKeyFingerprint() {
    return KeyUtils.getFingerPrint(recordedKey);
  }

  /** The served key's fingerprint, {@code SHA256:...}. */
  public String servedHostKeyFingerprint() {
    return KeyUtils.getFingerPrint(servedKey);
  }

  /** The host key it serves. */
  public PublicKey servedHostKey() {
    return servedKey;
  }

  /** The fake Linux host tree behind it (absolute). */
  public Path root() {
    return root;
  }

  /** The directory first on its commands' {@code PATH}, holding its {@code sudo}. */
  public Path binDirectory() {
    return bin;
  }

  /** Its user's home: {@code HOME} and the working directory of its commands. */
  public Path home() {
    return home;
  }

  /** The hostname in its tree. */
  public String hostname() {
    return hostname;
  }

  /** The MAC of {@code eth0} in its tree ({@code 0a:...}, the kernel's form). */
  public String macAddress() {
    return macAddress;
  }

  /** Every command it ran, oldest first (running ones included). */
  public List<FakeSshProcess> processes() {
    return log.all();
  }

  /**
   * Waits until a command matching {@code condition} has started (or already did) and returns the
   * first one.
   *
   * @throws TimeoutException when none started within {@code timeout}
   */
  public FakeSshProcess awaitProcess(Predicate<FakeSshProcess> condition, Duration timeout)
      throws InterruptedException, TimeoutException {
    return log.await(name, condition, timeout);
  }

  void killRunning() {
    log.killRunning();
  }

  @Override
  public String toString() {
    return "FakeSshHost[" + name + " at " + target + "]";
  }
}
