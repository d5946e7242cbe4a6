package dev.mgnagent.mgn;

import dev.mgnagent.event.MgnAgentEvent;
import java.util.List;

/**
 * A watcher read every watched server again, after the {@link ReplicationStatusChanged} events of
 * this refresh: the whole picture, to redraw a screen.
 *
 * @param refresh the number of this refresh, from 1
 * @param servers every watched server, in the order MGN returned them
 */
public record ReplicationRefreshed(int refresh, List<ServerReplicationStatus> servers)
    implements MgnAgentEvent {

  /** Copies the list. */
  public ReplicationRefreshed {
    servers = List.copyOf(servers);
  }
}
