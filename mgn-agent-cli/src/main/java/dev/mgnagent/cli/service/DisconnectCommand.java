package dev.mgnagent.cli.service;

import dev.mgnagent.cli.CliContext;
import dev.mgnagent.mgn.ServerReplicationStatus;
import dev.mgnagent.mgn.SourceServerId;
import dev.mgnagent.mgn.SourceServerLifecycle;
import picocli.CommandLine.Command;

/** {@code mgn-agent disconnect}: {@code DisconnectFromService} on one source server. */
@Command(
    name = "disconnect",
    mixinStandardHelpOptions = true,
    description =
        "Disconnect a source server from MGN: replication stops and MGN uninstalls the agent from the server.")
public final class DisconnectCommand extends ServerLifeCommand {

  public DisconnectCommand(CliContext context) {
    super(context);
  }

  @Override
  String operation() {
    return "DisconnectFromService";
  }

  @Override
  String done() {
    return "disconnected";
  }

  @Override
  ServerReplicationStatus change(SourceServerLifecycle lifecycle, SourceServerId id) {
    return lifecycle.disconnect(id);
  }
}
