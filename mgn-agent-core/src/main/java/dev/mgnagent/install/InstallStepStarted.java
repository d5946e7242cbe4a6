package dev.mgnagent.install;

import dev.mgnagent.event.MgnAgentEvent;
import java.util.Objects;

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
