package dev.mgnagent.fleet;

import dev.mgnagent.event.MgnAgentEvent;
import java.util.Objects;

/**
 * The fleet starts no more hosts: the failure limit was exceeded, or the fleet was cancelled. Hosts
 * still running finish (or are cancelled); the ones not started become SKIPPED.
 *
 * @param reason why, for people
 * @param progress the fleet's counts at that moment
 */
public record FleetSchedulingStopped(String reason, FleetProgress progress)
    implements MgnAgentEvent {

  public FleetSchedulingStopped {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(progress, "progress");
  }
}
