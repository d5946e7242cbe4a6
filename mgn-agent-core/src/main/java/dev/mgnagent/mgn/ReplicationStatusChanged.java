package dev.mgnagent.mgn;

import dev.mgnagent.event.MgnAgentEvent;
import java.util.Objects;
import java.util.Optional;

/**
 * A watched source server looks different from the last refresh (or is seen for the first time):
 * its state, lifecycle, an initiation step, a disk's bytes, the ETA, the lag or the error changed.
 *
 * @param previous what the last refresh showed; empty on the first sight
 * @param current what MGN reports now
 */
public record ReplicationStatusChanged(
    Optional<ServerReplicationStatus> previous, ServerReplicationStatus current)
    implements MgnAgentEvent {

  /** Checks that nothing is null. */
  public ReplicationStatusChanged {
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(current, "current");
  }
}
