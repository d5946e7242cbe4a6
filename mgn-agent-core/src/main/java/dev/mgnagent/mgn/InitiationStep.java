package dev.mgnagent.mgn;

import java.util.Objects;

/**
 * One step of the replication initiation ({@code dataReplicationInitiation.steps}), in MGN's own
 * words.
 *
 * @param name such as {@code LAUNCH_REPLICATION_SERVER}
 * @param status {@code NOT_STARTED}, {@code IN_PROGRESS}, {@code SUCCEEDED}, {@code FAILED} or
 *     {@code SKIPPED}
 */
public record InitiationStep(String name, String status) {
  /** Checks that nothing is null. */
  public InitiationStep {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
  }
}
