package dev.mgnagent.install;

import dev.mgnagent.selection.Selection;
import dev.mgnagent.service.SourceServerId;
import java.util.List;
import java.util.Objects;

/**
 * What an {@link AgentInstallation} achieved.
 *
 * @param sourceServerId the source server the agent registered as
 * @param selection the disks the installer was told to replicate
 * @param registeredDisks the disks MGN reports for the server (empty when it could not be checked)
 * @param warnings everything worth a look that did not stop the installation
 */
public record InstallationResult(
    SourceServerId sourceServerId,
    Selection selection,
    List<String> registeredDisks,
    List<String> warnings) {

  public InstallationResult {
    Objects.requireNonNull(sourceServerId, "sourceServerId");
    Objects.requireNonNull(selection, "selection");
    registeredDisks = List.copyOf(registeredDisks);
    warnings = List.copyOf(warnings);
  }
}
