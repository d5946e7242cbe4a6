package dev.mgnagent.installer;

import dev.mgnagent.Warning;
import dev.mgnagent.mgn.SourceServerId;
import java.util.List;
import java.util.Objects;

/**
 * The agent is installed: the source server MGN knows it as, the disks MGN reports for it, and
 * anything the confirmation found worth a look.
 *
 * @param sourceServerId the ID the installer printed
 * @param registeredDisks the device names MGN reports in {@code sourceProperties.disks}; empty when
 *     the confirmation could not read them
 * @param warnings differences between the selection and what MGN registered, or why the
 *     confirmation could not run
 */
public record Registration(
    SourceServerId sourceServerId, List<String> registeredDisks, List<Warning> warnings) {

  public Registration {
    Objects.requireNonNull(sourceServerId, "sourceServerId");
    registeredDisks = List.copyOf(registeredDisks);
    warnings = List.copyOf(warnings);
  }
}
