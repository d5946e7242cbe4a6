package dev.mgnagent.mgn;

import dev.mgnagent.MgnAgentException;
import java.util.Optional;

/**
 * A change to a source server was refused because of the state it is in (such as archiving a server
 * that is still replicating): the message names the operation, the state and what must happen
 * first.
 */
public class SourceServerStateException extends MgnAgentException {

  private static final long serialVersionUID = 1L;

  private final String operation;
  private final SourceServerId id;
  private final String lifecycleState;

  public SourceServerStateException(
      String operation, SourceServerId id, String lifecycleState, String message) {
    super(message);
    this.operation = operation;
    this.id = id;
    this.lifecycleState = lifecycleState;
  }

  /** The MGN operation refused, such as {@code MarkAsArchived}. */
  public String operation() {
    return operation;
  }

  /** The server. */
  public SourceServerId id() {
    return id;
  }

  /** Its lifecycle state when it was refused, when MGN gave one. */
  public Optional<String> lifecycleState() {
    return Optional.ofNullable(lifecycleState);
  }
}
