package dev.mgnagent.installer;

import dev.mgnagent.event.MgnAgentEvent;
import java.util.Objects;

/**
 * One line the installer printed, with any secret it echoed replaced by {@code ****}.
 *
 * @param line the line without its newline (a prompt is reported once it has been answered)
 * @param stderr whether it came from standard error
 */
public record InstallerOutput(String line, boolean stderr) implements MgnAgentEvent {

  public InstallerOutput {
    Objects.requireNonNull(line, "line");
  }
}
