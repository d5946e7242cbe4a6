package dev.mgnagent.cli.service;

import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.ExitCodes;
import dev.mgnagent.service.ReplicationStatusReader;
import dev.mgnagent.service.ServerReplicationStatus;
import dev.mgnagent.service.SourceServerId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.mgn.MgnClient;

/** {@code mgn-agent status}: source servers with their replication state and per-disk progress. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show source servers with replication state, lifecycle and per-disk progress.")
public final class StatusCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec CommandSpec spec;

  @Mixin ServiceOptions service;

  @Option(names = "--source-server-id", paramLabel = "ID", arity = "1..*",
      description = "Only these servers (s- and 17 letters and digits). Default: every server"
          + " that is not archived.")
  List<String> ids = new ArrayList<>();

  @Option(names = "--json", description = "Print one JSON document.")
  boolean json;

  public StatusCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    List<SourceServerId> wanted =
        ids.stream().map(id -> SourceServerId.parse("--source-server-id", id)).toList();
    ServiceOptions.Service target = service.resolve(context);
    List<ServerReplicationStatus> servers;
    try (MgnClient client = target.newClient()) {
      servers = ReplicationStatusReader.of(client).read(wanted);
    }
    if (json) {
      spec.commandLine().getOut().println(StatusReport.json(target.region().id(), servers));
    } else {
      spec.commandLine().getOut().print(StatusReport.table(servers));
    }
    return ExitCodes.OK;
  }
}
