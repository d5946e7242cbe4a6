package dev.mgnagent.mgn;

import dev.mgnagent.mgn.internal.ReplicationErrorCatalog;
import java.util.Objects;
import java.util.Optional;

/**
 * A replication error MGN reports ({@code dataReplicationInfo.dataReplicationError}), with what it
 * usually means and what to do about it.
 *
 * @param code MGN's value, such as {@code AGENT_NOT_SEEN}; an unknown value is kept as is
 * @param rawError MGN's {@code rawError} text, when it gave one
 * @param meaning what the error usually means, in one sentence
 * @param remedy what to do next
 */
public record ReplicationError(
    String code, Optional<String> rawError, String meaning, String remedy) {

  /** Checks that nothing is null. */
  public ReplicationError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(rawError, "rawError");
    Objects.requireNonNull(meaning, "meaning");
    Objects.requireNonNull(remedy, "remedy");
  }

  /** The error with MGN code {@code code}, explained; every documented value has a remedy. */
  public static ReplicationError of(String code, Optional<String> rawError) {
    ReplicationErrorCatalog.Entry e = ReplicationErrorCatalog.explain(code);
    return new ReplicationError(code, rawError, e.meaning(), e.remedy());
  }
}
