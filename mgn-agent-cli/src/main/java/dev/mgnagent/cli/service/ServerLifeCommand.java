package dev.mgnagent.cli.service;

import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.ExitCodes;
import dev.mgnagent.cli.output.JsonWriter;
import dev.mgnagent.mgn.ServerReplicationStatus;
import dev.mgnagent.mgn.SourceServerId;
import dev.mgnagent.mgn.SourceServerLifecycle;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.mgn.MgnClient;

/**
 * What {@code disconnect}, {@code archive} and {@code delete} share: one {@code
 * --source-server-id}, the MGN flags, {@code --json}, and the server printed after the change.
 */
abstract class ServerLifeCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec CommandSpec spec;

  @Mixin ServiceOptions service;

  @Option(
      names = "--source-server-id",
      paramLabel = "ID",
      required = true,
      description = "The source server (s- and 17 letters and digits).")
  String id;

  @Option(
      names = "--json",
      description = "Print the server after the change as one JSON" + " document.")
  boolean json;

  ServerLifeCommand(CliContext context) {
    this.context = context;
  }

  /** The MGN operation, for output. */
  abstract String operation();

  /** What happened, in past tense: {@code disconnected}. */
  abstract String done();

  /** Makes the change. */
  abstract ServerReplicationStatus change(SourceServerLifecycle lifecycle, SourceServerId id);

  @Override
  public Integer call() {
    SourceServerId server = SourceServerId.parse("--source-server-id", id);
    ServiceOptions.Service target = service.resolve(context);
    ServerReplicationStatus after;
    try (MgnClient client = target.newClient()) {
      after = change(SourceServerLifecycle.of(client), server);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonWriter doc =
          JsonWriter.object()
              .field("region", target.region().id())
              .field("operation", operation())
              .beginObject("server");
      WatchJson.server(doc, after);
      out.println(doc.endObject().toJson());
    } else {
      out.println(
          server
              + " "
              + done()
              + ": lifecycle "
              + after.lifecycleState().orElse("-")
              + ", replication "
              + after.replicationState().orElse("-")
              + (after.archived() ? ", archived" : ""));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
