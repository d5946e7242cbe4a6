package dev.mgnagent.testkit.ssh;

import dev.mgnagent.Secret;
import dev.mgnagent.testkit.host.FakeLinuxHostBuilder;
import dev.mgnagent.testkit.host.FakeLinuxHosts;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Configures one host of a {@link FakeSshFleet}: the fake Linux server behind it (by default {@link
 * FakeLinuxHosts#healthyRhel9()}), its hostname and MAC, a password it also accepts, and its
 * faults. Every fault concerns this host only.
 */
public final class FakeSshHostBuilder {

  final String name;
  FakeLinuxHostBuilder linuxHost = FakeLinuxHosts.healthyRhel9();
  String hostname;
  String macAddress;
  Optional<Secret> password = Optional.empty();
  boolean unreachable;
  boolean authRefused;
  boolean changedHostKey;
  Optional<Secret> sudoPassword = Optional.empty();
  boolean sudoRequiretty;
  Optional<Duration> slowLink = Optional.empty();
  OptionalInt dropAfterExecs = OptionalInt.empty();
  Optional<String> dropOnWord = Optional.empty();
  boolean behindJump;

  FakeSshHostBuilder(String name, String hostname, String macAddress) {
    this.name = name;
    this.hostname = hostname;
    this.macAddress = macAddress;
  }

  /** The fake Linux server (its disks and files) behind this host. */
  public FakeSshHostBuilder linuxHost(FakeLinuxHostBuilder linuxHost) {
    this.linuxHost = Objects.requireNonNull(linuxHost, "linuxHost");
    return this;
  }

  /**
   * The hostname written to the host tree ({@code proc/sys/kernel/hostname}, {@code etc/hostname},
   * {@code etc/hosts}); by default the host's name in the fleet.
   */
  public FakeSshHostBuilder hostname(String hostname) {
    this.hostname = Objects.requireNonNull(hostname, "hostname");
    return this;
  }

  /** The MAC of {@code eth0} in the host tree; by default one of its own for each host. */
  public FakeSshHostBuilder macAddress(String macAddress) {
    this.macAddress = Objects.requireNonNull(macAddress, "macAddress");
    return this;
  }

  /** Also accepts password authentication with this password (public key is always accepted). */
  public FakeSshHostBuilder password(Secret password) {
    this.password = Optional.of(Objects.requireNonNull(password, "password"));
    return this;
  }

  /** Nothing listens on its port: a connection is refused. */
  public FakeSshHostBuilder unreachable() {
    this.unreachable = true;
    return this;
  }

  /** Every authentication (key or password) is refused. */
  public FakeSshHostBuilder authRefused() {
    this.authRefused = true;
    return this;
  }

  /**
   * It serves another host key than the one {@link FakeSshFleet#writeKnownHosts} records for it, as
   * a reinstalled server or a man in the middle would.
   */
  public FakeSshHostBuilder changedHostKey() {
    this.changedHostKey = true;
    return this;
  }

  /**
   * Its {@code sudo} asks for this password: {@code sudo -n} fails with "sudo: a password is
   * required", {@code sudo -S} reads it from stdin (three tries).
   */
  public FakeSshHostBuilder sudoNeedsPassword(Secret password) {
    this.sudoPassword = Optional.of(Objects.requireNonNull(password, "password"));
    return this;
  }

  /**
   * Its sudoers has {@code Defaults requiretty}: {@code sudo} fails with "sudo: sorry, you must
   * have a tty to run sudo" (exec channels never have a terminal).
   */
  public FakeSshHostBuilder sudoRequiretty() {
    this.sudoRequiretty = true;
    return this;
  }

  /**
   * Every byte sent in either direction arrives half of {@code roundTrip} later, so each SSH
   * exchange (packet and answer) takes at least {@code roundTrip}.
   */
  public FakeSshHostBuilder slowLink(Duration roundTrip) {
    if (roundTrip.isNegative()) {
      throw new IllegalArgumentException("roundTrip must not be negative: " + roundTrip);
    }
    this.slowLink = Optional.of(roundTrip);
    return this;
  }

  /**
   * The host runs its first {@code execRequests} exec requests; at every later one the connection
   * is closed abruptly (no SSH disconnect message) and the command does not run.
   */
  public FakeSshHostBuilder dropConnectionAfter(int execRequests) {
    if (execRequests < 0) {
      throw new IllegalArgumentException("execRequests must not be negative: " + execRequests);
    }
    this.dropAfterExecs = OptionalInt.of(execRequests);
    return this;
  }

  /**
   * At an exec request whose command line contains {@code word}, the connection is closed abruptly
   * and the command does not run.
   */
  public FakeSshHostBuilder dropConnectionWhenCommandContains(String word) {
    if (word.isEmpty()) {
      throw new IllegalArgumentException("word must not be empty");
    }
    this.dropOnWord = Optional.of(word);
    return this;
  }

  /**
   * The host is reached only through the fleet's {@linkplain FakeSshFleet.Builder#jumpHost() jump
   * host}: its {@linkplain FakeSshHost#target() target} is {@code NAME.behind-jump.invalid} port
   * 22, a name only the jump host resolves ({@code .invalid} never resolves anywhere else), so a
   * direct connection fails. Adds the jump host to the fleet when it has none.
   */
  public FakeSshHostBuilder behindJump() {
    this.behindJump = true;
    return this;
  }
}
