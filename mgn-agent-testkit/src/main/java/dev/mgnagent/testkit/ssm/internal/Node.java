package dev.mgnagent.testkit.ssm.internal;

import dev.mgnagent.testkit.ssm.FakeManagedInstance;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A managed instance as the fake service sees it: who it is, how it misbehaves, and where and with
 * what environment its invocations run.
 *
 * @param info its public description
 * @param pingStatus Online, ConnectionLost or Inactive
 * @param undeliverable whether commands to it end Undeliverable
 * @param hangs whether its invocations never end by themselves
 * @param pickupDelay how long after a command it picks it up
 * @param directory where its invocations' scripts and outputs are written
 * @param environment the whole environment of its processes
 */
public record Node(
    FakeManagedInstance info,
    String pingStatus,
    boolean undeliverable,
    boolean hangs,
    Duration pickupDelay,
    Path directory,
    Map<String, String> environment) {

  public Node {
    environment = Map.copyOf(environment);
  }

  public String id() {
    return info.instanceId();
  }
}
