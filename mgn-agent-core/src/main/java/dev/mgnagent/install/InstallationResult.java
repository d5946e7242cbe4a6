package dev.mgnagent.install;

import dev.mgnagent.Warning;
import dev.mgnagent.mgn.SourceServerId;
import dev.mgnagent.mgn.WatchOutcome;
import dev.mgnagent.mgn.WatchResult;
import dev.mgnagent.selection.Selection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link AgentInstallation} achieved.
 *
 * @param sourceServerId the source server the agent registered as
 * @param selection the disks the installer was told to replicate
 * @param registeredDisks the disks MGN reports for the server (empty when it could not be checked)
 * @param warnings everything worth a look that did not stop the installation
 * @param initialSync how following the initial sync ended, when it was followed
 */
public record InstallationResult(
    SourceServerId sourceServerId,
    Selection selection,
    List<String> registeredDisks,
    List<Warning> warnings,
    Optional<WatchResult> initialSync) {

  public InstallationResult {
    Objects.requireNonNull(sourceServerId, "sourceServerId");
    Objects.requireNonNull(selection, "selection");
    registeredDisks = List.copyOf(registeredDisks);
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(initialSync, "initialSync");
  }

  /** Whether the agent is installed and, when it was followed, the sync settled. */
  public boolean succeeded() {
    return initialSync.map(w -> w.outcome() == WatchOutcome.SETTLED).orElse(true);
  }
}
