package dev.mgnagent.install;

import dev.mgnagent.event.MgnAgentEvent;
import java.util.Objects;

/**
 * An installation step ended well (or was skipped, as the summary says).
 *
 * @param step which step
 * @param summary what it found or did
 */
public record InstallStepFinished(InstallStep step, String summary) implements MgnAgentEvent {

  public InstallStepFinished {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(summary, "summary");
  }
}
