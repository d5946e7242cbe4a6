package dev.mgnagent.fleet;

import dev.mgnagent.event.MgnAgentEvent;
import java.util.Objects;

/**
 * An event of one host's installation ({@code InstallStepStarted}, {@code InstallerOutput}, ...),
 * tagged with the host it happened on.
 *
 * @param host the host
 * @param event the installation's own event
 */
public record FleetHostEvent(FleetHost host, MgnAgentEvent event) implements MgnAgentEvent {

  public FleetHostEvent {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(event, "event");
  }
}
