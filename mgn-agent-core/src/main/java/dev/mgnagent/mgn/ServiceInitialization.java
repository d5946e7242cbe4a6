package dev.mgnagent.mgn;

import java.util.List;
import java.util.Objects;

/**
 * What {@link ServiceRoleInitializer#initialize()} found after calling {@code InitializeService}.
 *
 * @param complete whether MGN is ready for agents: the default replication configuration template
 *     exists
 * @param replicationConfigurationTemplateIds the templates MGN reported ({@code rct-...})
 * @param summary one sentence for people: what was found and, when incomplete, what to do
 */
public record ServiceInitialization(
    boolean complete, List<String> replicationConfigurationTemplateIds, String summary) {

  public ServiceInitialization {
    replicationConfigurationTemplateIds = List.copyOf(replicationConfigurationTemplateIds);
    Objects.requireNonNull(summary, "summary");
  }
}
