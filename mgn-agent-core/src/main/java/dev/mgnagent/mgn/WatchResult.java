package dev.mgnagent.mgn;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link ReplicationWatcher} saw last.
 *
 * @param outcome why it stopped
 * @param servers the last status of every watched server
 * @param refreshes how many times it read MGN
 */
public record WatchResult(
    WatchOutcome outcome, List<ServerReplicationStatus> servers, int refreshes) {

  /** Checks and copies. */
  public WatchResult {
    Objects.requireNonNull(outcome, "outcome");
    servers = List.copyOf(servers);
  }

  /** The servers that made the watch fail. */
  public List<ServerReplicationStatus> failed() {
    return servers.stream().filter(s -> s.health() == ReplicationHealth.FAILED).toList();
  }
}
