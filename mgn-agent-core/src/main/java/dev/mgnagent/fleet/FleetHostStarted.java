package dev.mgnagent.fleet;

import dev.mgnagent.event.MgnAgentEvent;
import java.util.Objects;

/**
 * The fleet started working on a host (connecting to it comes first).
 *
 * @param host the host
 * @param progress the fleet's counts, this host counted as running
 */
public record FleetHostStarted(FleetHost host, FleetProgress progress) implements MgnAgentEvent {

  public FleetHostStarted {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(progress, "progress");
  }
}
