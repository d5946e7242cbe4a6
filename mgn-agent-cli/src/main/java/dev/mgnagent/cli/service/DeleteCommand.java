package dev.mgnagent.cli.service;

import dev.mgnagent.cli.CliContext;
import dev.mgnagent.mgn.ServerReplicationStatus;
import dev.mgnagent.mgn.SourceServerId;
import dev.mgnagent.mgn.SourceServerLifecycle;
import picocli.CommandLine.Command;

/** {@code mgn-agent delete}: {@code DeleteSourceServer} on one source server. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = "Delete a source server from MGN (only once it is disconnected).")
public final class DeleteCommand extends ServerLifeCommand {

  public DeleteCommand(CliContext context) {
    super(context);
  }

  @Override
  String operation() {
    return "DeleteSourceServer";
  }

  @Override
  String done() {
    return "deleted (as it was before)";
  }

  @Override
  ServerReplicationStatus change(SourceServerLifecycle lifecycle, SourceServerId id) {
    return lifecycle.delete(id);
  }
}
