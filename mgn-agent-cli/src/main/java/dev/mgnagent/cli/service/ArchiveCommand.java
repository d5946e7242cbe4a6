package dev.mgnagent.cli.service;

import dev.mgnagent.cli.CliContext;
import dev.mgnagent.mgn.ServerReplicationStatus;
import dev.mgnagent.mgn.SourceServerId;
import dev.mgnagent.mgn.SourceServerLifecycle;
import picocli.CommandLine.Command;

/** {@code mgn-agent archive}: {@code MarkAsArchived} on one source server. */
@Command(
    name = "archive",
    mixinStandardHelpOptions = true,
    description = "Archive a source server (only after a disconnect or a cutover).")
public final class ArchiveCommand extends ServerLifeCommand {

  public ArchiveCommand(CliContext context) {
    super(context);
  }

  @Override
  String operation() {
    return "MarkAsArchived";
  }

  @Override
  String done() {
    return "archived";
  }

  @Override
  ServerReplicationStatus change(SourceServerLifecycle lifecycle, SourceServerId id) {
    return lifecycle.archive(id);
  }
}
