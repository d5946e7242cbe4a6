package dev.mgnagent.install;

import java.util.Objects;
import dev.mgnagent.event.MgnAgentEvent;

/**
 * An installation step began.
 *
 * @param step which step
 * @param description what it does, for people
 */
public record InstallStepStarted(InstallStep step, String description) implements MgnAgentEvent {

  public InstallStepStarted {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(description, "description");
  }
}
