package dev.mgnagent.mgn.internal;

import dev.mgnagent.mgn.MgnServiceException;
import dev.mgnagent.mgn.ServerReplicationStatus;
import dev.mgnagent.mgn.SourceServerId;
import dev.mgnagent.mgn.SourceServerLifecycle;
import dev.mgnagent.mgn.SourceServerStateException;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.mgn.MgnClient;

/**
 * {@link SourceServerLifecycle}: reads the server, checks its state, makes the call, and reads the
 * server again to give it as it is after the change.
 */
public final class DefaultSourceServerLifecycle implements SourceServerLifecycle {

  private static final Set<String> ARCHIVABLE = Set.of("DISCONNECTED", "CUTOVER");

  private final MgnClient client;

  public DefaultSourceServerLifecycle(MgnClient client) {
    this.client = client;
  }

  @Override
  public ServerReplicationStatus disconnect(SourceServerId id) {
    ServerReplicationStatus s = current("DisconnectFromService", id);
    if (s.archived()) {
      throw refused("DisconnectFromService", s, "it is archived");
    }
    if (s.replicationState().orElse("").equals("DISCONNECTED")
        && s.lifecycleState().orElse("").equals("DISCONNECTED")) {
      throw refused("DisconnectFromService", s, "it is already disconnected");
    }
    call(
        "DisconnectFromService",
        id,
        () -> client.disconnectFromService(r -> r.sourceServerID(id.value())));
    return current("DisconnectFromService", id);
  }

  @Override
  public ServerReplicationStatus archive(SourceServerId id) {
    ServerReplicationStatus s = current("MarkAsArchived", id);
    if (!ARCHIVABLE.contains(s.lifecycleState().orElse(""))) {
      throw refused(
          "MarkAsArchived",
          s,
          "only a server in lifecycle DISCONNECTED or CUTOVER can"
              + " be archived; disconnect it first (DisconnectFromService) or finish its cutover");
    }
    call("MarkAsArchived", id, () -> client.markAsArchived(r -> r.sourceServerID(id.value())));
    return current("MarkAsArchived", id);
  }

  @Override
  public ServerReplicationStatus delete(SourceServerId id) {
    ServerReplicationStatus s = current("DeleteSourceServer", id);
    if (!s.replicationState().orElse("").equals("DISCONNECTED")) {
      throw refused(
          "DeleteSourceServer",
          s,
          "only a disconnected server can be deleted;"
              + " disconnect it first (DisconnectFromService)");
    }
    call(
        "DeleteSourceServer",
        id,
        () -> client.deleteSourceServer(r -> r.sourceServerID(id.value())));
    return s;
  }

  private ServerReplicationStatus current(String operation, SourceServerId id) {
    List<ServerReplicationStatus> found =
        call(operation, id, () -> new DefaultReplicationStatusReader(client).read(List.of(id)));
    if (found.isEmpty()) {
      throw new MgnServiceException(
          operation,
          "ResourceNotFoundException",
          "no source server "
              + id
              + " in "
              + client.serviceClientConfiguration().region().id()
              + "; check the ID and the region",
          null);
    }
    return found.get(0);
  }

  private static SourceServerStateException refused(
      String operation, ServerReplicationStatus s, String why) {
    String lifecycle = s.lifecycleState().orElse(null);
    return new SourceServerStateException(
        operation,
        s.id(),
        lifecycle,
        operation
            + " refused for "
            + s.id()
            + " (lifecycle "
            + (lifecycle == null ? "unknown" : lifecycle)
            + ", replication "
            + s.replicationState().orElse("none")
            + (s.archived() ? ", archived" : "")
            + "): "
            + why);
  }

  private <T> T call(String operation, SourceServerId id, java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw MgnErrors.translate(
          operation,
          e,
          client.serviceClientConfiguration().region().id(),
          client.serviceClientConfiguration().endpointOverride());
    }
  }
}
