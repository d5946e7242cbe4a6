package dev.mgnagent.installer;

import dev.mgnagent.event.MgnAgentEvent;
import java.util.List;

/**
 * The installer was started.
 *
 * @param commandLine the program and its arguments, secrets shown as {@code ****}
 * @param pid the installer's process ID
 */
public record InstallerStarted(List<String> commandLine, long pid) implements MgnAgentEvent {

  public InstallerStarted {
    commandLine = List.copyOf(commandLine);
  }
}
