package dev.mgnagent.fleet;

import dev.mgnagent.event.MgnAgentEvent;
import java.util.Objects;

/**
 * A host has its outcome (every host gets exactly one of these, SKIPPED ones included).
 *
 * @param outcome the host's outcome
 * @param progress the fleet's counts, this host counted as done
 */
public record FleetHostFinished(HostOutcome outcome, FleetProgress progress)
    implements MgnAgentEvent {

  public FleetHostFinished {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(progress, "progress");
  }

  /** The host. */
  public FleetHost host() {
    return outcome.host();
  }
}
