package dev.mgnagent.testkit.ssm;

import dev.mgnagent.testkit.host.FakeLinuxHostBuilder;
import dev.mgnagent.testkit.host.FakeLinuxHosts;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Configures one managed instance of a {@link FakeSsm}: its Linux server, hostname, MAC, tags and
 * faults. Every fault is per instance; a healthy instance picks a command up at once and runs it.
 */
public final class FakeSsmInstanceBuilder {

  /** How an instance misbehaves. */
  enum Fault {
    NONE,
    OFFLINE,
    UNDELIVERABLE,
    HANGS
  }

  final String name;
  FakeLinuxHostBuilder linuxHost = FakeLinuxHosts.healthyRhel9();
  String hostname;
  String macAddress;
  final Map<String, String> tags = new LinkedHashMap<>();
  final Map<String, Integer> failingCommands = new LinkedHashMap<>();
  Fault fault = Fault.NONE;
  String pingStatus = "Online";
  Duration pickupDelay = Duration.ZERO;

  FakeSsmInstanceBuilder(String name, String hostname, String macAddress) {
    this.name = name;
    this.hostname = hostname;
    this.macAddress = macAddress;
  }

  /** The Linux server the instance is (default {@link FakeLinuxHosts#healthyRhel9()}). */
  public FakeSsmInstanceBuilder linuxHost(FakeLinuxHostBuilder linuxHost) {
    this.linuxHost = Objects.requireNonNull(linuxHost, "linuxHost");
    return this;
  }

  /** The hostname written to its tree (default: its name). */
  public FakeSsmInstanceBuilder hostname(String hostname) {
    this.hostname = Objects.requireNonNull(hostname, "hostname");
    return this;
  }

  /** The MAC of its {@code eth0} (default: one of its own). */
  public FakeSsmInstanceBuilder macAddress(String macAddress) {
    this.macAddress = Objects.requireNonNull(macAddress, "macAddress");
    return this;
  }

  /** A tag on the managed instance, for tag targets. */
  public FakeSsmInstanceBuilder tag(String key, String value) {
    tags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return this;
  }

  /**
   * Its SSM Agent is not connected: {@code DescribeInstanceInformation} reports {@code
   * ConnectionLost} and {@code SendCommand} refuses it ({@code InvalidInstanceId}).
   */
  public FakeSsmInstanceBuilder offline() {
    fault = Fault.OFFLINE;
    pingStatus = "ConnectionLost";
    return this;
  }

  /** Online, but every command sent to it ends {@code Undeliverable} without running. */
  public FakeSsmInstanceBuilder undeliverable() {
    fault = Fault.UNDELIVERABLE;
    return this;
  }

  /**
   * Picks a command up only {@code delay} after it was sent (on the fake's clock); past the
   * command's delivery timeout, the invocation ends {@code Delivery Timed Out}.
   */
  public FakeSsmInstanceBuilder slow(Duration delay) {
    this.pickupDelay = Objects.requireNonNull(delay, "delay");
    return this;
  }

  /**
   * The command {@code name} on this instance (found first on its {@code PATH}) prints an error and
   * exits with {@code status}, so the script fails where it calls it (such as {@code curl}).
   */
  public FakeSsmInstanceBuilder failingCommand(String name, int status) {
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("not a command name: " + name);
    }
    failingCommands.put(name, status);
    return this;
  }

  /**
   * Its invocations start and never end by themselves: they end {@code Execution Timed Out} when
   * the fake's clock passes the document's {@code executionTimeout}.
   */
  public FakeSsmInstanceBuilder hangs() {
    fault = Fault.HANGS;
    return this;
  }
}
