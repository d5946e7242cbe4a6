package dev.mgnagent.mgn;

import dev.mgnagent.InvalidRequestException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which source servers to read, as {@code DescribeSourceServers} filters them: by ID, lifecycle
 * state, replication type and archived flag. Empty lists do not filter; with neither an ID nor an
 * archived flag, only servers that are not archived are read.
 *
 * @param ids {@code sourceServerIDs}
 * @param lifecycleStates {@code lifeCycleStates}: at most 10 values of MGN's LifeCycleState
 * @param replicationTypes {@code replicationTypes}: AGENT_BASED, SNAPSHOT_SHIPPING
 * @param archived {@code isArchived}
 */
public record ServerFilter(
    List<SourceServerId> ids,
    List<String> lifecycleStates,
    List<String> replicationTypes,
    Optional<Boolean> archived) {

  /** MGN's LifeCycleState values. */
  public static final Set<String> LIFECYCLE_STATES =
      Set.of(
          "STOPPED",
          "NOT_READY",
          "READY_FOR_TEST",
          "TESTING",
          "READY_FOR_CUTOVER",
          "CUTTING_OVER",
          "CUTOVER",
          "DISCONNECTED",
          "DISCOVERED",
          "PENDING_INSTALLATION");

  /** MGN's ReplicationType values. */
  public static final Set<String> REPLICATION_TYPES = Set.of("AGENT_BASED", "SNAPSHOT_SHIPPING");

  /**
   * Checks the values against MGN's model.
   *
   * @throws InvalidRequestException for an unknown value or too many
   */
  public ServerFilter {
    ids = List.copyOf(ids);
    lifecycleStates = List.copyOf(lifecycleStates);
    replicationTypes = List.copyOf(replicationTypes);
    Objects.requireNonNull(archived, "archived");
    if (ids.size() > 200) {
      throw new InvalidRequestException(
          "sourceServerIDs", "at most 200 source server IDs, not " + ids.size());
    }
    for (String s : lifecycleStates) {
      if (!LIFECYCLE_STATES.contains(s)) {
        throw new InvalidRequestException(
            "lifeCycleStates",
            "unknown lifecycle state '"
                + s
                + "': one of "
                + String.join(", ", LIFECYCLE_STATES.stream().sorted().toList()));
      }
    }
    for (String s : replicationTypes) {
      if (!REPLICATION_TYPES.contains(s)) {
        throw new InvalidRequestException(
            "replicationTypes",
            "unknown replication type '" + s + "': AGENT_BASED or SNAPSHOT_SHIPPING");
      }
    }
  }

  /** The servers with these IDs, or every server that is not archived when there is none. */
  public static ServerFilter ids(List<SourceServerId> ids) {
    return new ServerFilter(ids, List.of(), List.of(), Optional.empty());
  }

  /** Whether nothing but IDs (or nothing at all) is asked. */
  public boolean idsOnly() {
    return lifecycleStates.isEmpty() && replicationTypes.isEmpty() && archived.isEmpty();
  }

  /** Whether {@code server} passes the lifecycle, replication type and archived filters. */
  public boolean matches(ServerReplicationStatus server) {
    return (ids.isEmpty() || ids.contains(server.id()))
        && (lifecycleStates.isEmpty()
            || lifecycleStates.contains(server.lifecycleState().orElse("")))
        && archived.map(a -> a == server.archived()).orElse(!ids.isEmpty() || !server.archived());
  }
}
