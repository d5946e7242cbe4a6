package dev.mgnagent.mgn;

import java.util.List;
import java.util.Objects;

/**
 * What {@link ServiceRoleInitializer#initialize()} did and found afterwards.
 *
 * @param complete whether every part of the initialization is present now
 * @param replicationConfigurationTemplateIds the replication templates MGN reports ({@code
 *     rct-...})
 * @param summary one sentence for people: what was found and, when incomplete, what to do
 * @param created what this run created, one entry per change, empty when nothing was missing
 * @param report every part and its state after the run
 */
public record ServiceInitialization(
    boolean complete,
    List<String> replicationConfigurationTemplateIds,
    String summary,
    List<String> created,
    InitializationReport report) {

  public ServiceInitialization {
    replicationConfigurationTemplateIds = List.copyOf(replicationConfigurationTemplateIds);
    created = List.copyOf(created);
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(report, "report");
  }
}
