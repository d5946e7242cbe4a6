package dev.mgnagent.cli.service;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.mgn.ReplicationStatusReader;
import dev.mgnagent.mgn.ServerFilter;
import dev.mgnagent.mgn.SourceServerId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The {@code status} filter flags turned into core's {@link ServerFilter}. */
final class ServerFilters {
  private ServerFilters() {}

  /** The filter; a bad value is a one-line error naming the flag. */
  static ServerFilter of(
      List<SourceServerId> ids,
      List<String> lifecycles,
      List<String> replicationTypes,
      Boolean archived) {
    List<String> states = upper(lifecycles);
    List<String> types = upper(replicationTypes);
    for (String s : states) {
      if (!ServerFilter.LIFECYCLE_STATES.contains(s)) {
        throw new InvalidRequestException(
            "--lifecycle",
            "--lifecycle: unknown state '"
                + s
                + "' (one of "
                + String.join(", ", ServerFilter.LIFECYCLE_STATES.stream().sorted().toList())
                + ")");
      }
    }
    for (String t : types) {
      if (!ServerFilter.REPLICATION_TYPES.contains(t)) {
        throw new InvalidRequestException(
            "--replication-type",
            "--replication-type: unknown" + " type '" + t + "' (AGENT_BASED or SNAPSHOT_SHIPPING)");
      }
    }
    return new ServerFilter(ids, states, types, Optional.ofNullable(archived));
  }

  /** A reader for the watcher that reads what {@code filter} selects on every refresh. */
  static ReplicationStatusReader reader(ReplicationStatusReader reader, ServerFilter filter) {
    return filter.idsOnly() ? reader : ids -> reader.read(filter);
  }

  private static List<String> upper(List<String> values) {
    return values.stream()
        .map(String::trim)
        .filter(v -> !v.isEmpty())
        .map(v -> v.toUpperCase(Locale.ROOT))
        .toList();
  }
}
