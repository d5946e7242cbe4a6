package dev.mgnagent.mgn;

import java.util.Objects;

/**
 * One part of MGN's initialization in a region and what was found about it.
 *
 * @param name what the part is, such as {@code role AWSApplicationMigrationAgentRole}, {@code
 *     service (InitializeService)} or {@code replication configuration template}
 * @param state present, missing or unknown
 * @param detail what was seen and, unless present, what to do
 */
public record InitializationPart(String name, PartState state, String detail) {
  public InitializationPart {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(detail, "detail");
  }
}
