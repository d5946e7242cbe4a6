package dev.mgnagent.install;

import dev.mgnagent.event.MgnAgentEvent;
import java.util.Objects;

/**
 * An installation step failed; the installation stops.
 *
 * @param step which step
 * @param message what went wrong and what to do
 */
public record InstallStepFailed(InstallStep step, String message) implements MgnAgentEvent {

  public InstallStepFailed {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(message, "message");
  }
}
