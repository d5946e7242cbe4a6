package dev.mgnagent.testkit.mgn;

import java.util.Objects;

/**
 * What a registration did.
 *
 * @param sourceServerId the source server's ID
 * @param created true for a new source server, false for a reinstall on a known host
 */
public record RegistrationResult(String sourceServerId, boolean created) {
  /** Checks the ID is present. */
  public RegistrationResult {
    Objects.requireNonNull(sourceServerId, "sourceServerId");
  }
}
