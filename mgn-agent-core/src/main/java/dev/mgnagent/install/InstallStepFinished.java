package dev.mgnagent.install;

import java.util.Objects;
import dev.mgnagent.event.MgnAgentEvent;

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
