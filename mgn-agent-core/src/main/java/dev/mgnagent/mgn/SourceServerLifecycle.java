package dev.mgnagent.mgn;

import dev.mgnagent.mgn.internal.DefaultSourceServerLifecycle;
import software.amazon.awssdk.services.mgn.MgnClient;

/**
 * A source server's life after the install: disconnect it from MGN (replication stops and MGN
 * uninstalls the agent), archive it (only after a disconnect or a cutover) and delete it (only once
 * disconnected). Each call first reads the server and refuses clearly, with a {@link
 * SourceServerStateException}, when its state does not allow the change.
 */
public interface SourceServerLifecycle {

  /** The lifecycle operations over {@code client}, which they never close. */
  static SourceServerLifecycle of(MgnClient client) {
    return new DefaultSourceServerLifecycle(client);
  }

  /**
   * {@code DisconnectFromService}: MGN stops replicating the server and uninstalls its agent.
   *
   * @return the server after the change
   * @throws SourceServerStateException when the server is archived or already disconnected
   * @throws MgnServiceException when the server does not exist or MGN refuses
   */
  ServerReplicationStatus disconnect(SourceServerId id);

  /**
   * {@code MarkAsArchived}, allowed only in lifecycle DISCONNECTED or CUTOVER.
   *
   * @return the server after the change
   * @throws SourceServerStateException in any other lifecycle state
   */
  ServerReplicationStatus archive(SourceServerId id);

  /**
   * {@code DeleteSourceServer}, allowed only once the server is disconnected (replication
   * DISCONNECTED).
   *
   * @return the server as it was just before it was deleted
   * @throws SourceServerStateException while it is still connected
   */
  ServerReplicationStatus delete(SourceServerId id);
}
