package dev.mgnagent.cli.service;

import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.ExitCodes;
import dev.mgnagent.cli.options.JsonOption;
import dev.mgnagent.cli.output.DurationFlag;
import dev.mgnagent.mgn.ReplicationStatusReader;
import dev.mgnagent.mgn.ReplicationWatcher;
import dev.mgnagent.mgn.ServerFilter;
import dev.mgnagent.mgn.ServerReplicationStatus;
import dev.mgnagent.mgn.SourceServerId;
import dev.mgnagent.mgn.WatchOutcome;
import dev.mgnagent.mgn.WatchResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.mgn.MgnClient;

/**
 * {@code mgn-agent status}: source servers with their replication state and per-disk progress; with
 * {@code --watch}, followed until they settle.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show source servers with replication state, lifecycle and per-disk progress.")
public final class StatusCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec CommandSpec spec;

  @Mixin ServiceOptions service;

  @Option(
      names = "--source-server-id",
      paramLabel = "ID",
      arity = "1..*",
      description =
          "Only these servers (s- and 17 letters and digits). Default: every server"
              + " that is not archived.")
  List<String> ids = new ArrayList<>();

  @Option(
      names = "--lifecycle",
      paramLabel = "STATE",
      split = ",",
      description = "Only servers in these lifecycle states (such as READY_FOR_TEST,CUTOVER).")
  List<String> lifecycles = new ArrayList<>();

  @Option(
      names = "--replication-type",
      paramLabel = "TYPE",
      split = ",",
      description = "Only servers of these replication types (AGENT_BASED, SNAPSHOT_SHIPPING).")
  List<String> replicationTypes = new ArrayList<>();

  @Option(
      names = "--archived",
      paramLabel = "true|false",
      arity = "1",
      description = "Only archived (true) or only unarchived (false) servers.")
  Boolean archived;

  @Mixin JsonOption json;

  @Option(
      names = "--watch",
      description =
          "Follow the servers until every one replicates"
              + " continuously (or is stopped/paused): exit 0; exit 1 on a replication error, STALLED,"
              + " DISCONNECTED or the timeout.")
  boolean watch;

  @Option(
      names = "--watch-timeout",
      paramLabel = "DURATION",
      defaultValue = "6h",
      description = "Give up watching after this long (such as 90s, 30m, 2h; default: 6h).")
  String watchTimeout;

  @Option(
      names = "--watch-interval",
      paramLabel = "DURATION",
      defaultValue = "10s",
      description = "Time between refreshes while watching (default: 10s).")
  String watchInterval;

  public StatusCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    List<SourceServerId> wanted =
        ids.stream().map(id -> SourceServerId.parse("--source-server-id", id)).toList();
    Duration timeout = DurationFlag.parse("--watch-timeout", watchTimeout);
    Duration interval = DurationFlag.parse("--watch-interval", watchInterval);
    ServerFilter filter = ServerFilters.of(wanted, lifecycles, replicationTypes, archived);
    ServiceOptions.Service target = service.resolve(context);
    if (watch) {
      return watch(target, filter, timeout, interval);
    }
    List<ServerReplicationStatus> servers;
    try (MgnClient client = target.newClient()) {
      servers = ReplicationStatusReader.of(client).read(filter);
    }
    if (json.json()) {
      spec.commandLine().getOut().println(StatusReport.json(target.region().id(), servers));
    } else {
      spec.commandLine().getOut().print(StatusReport.table(servers));
    }
    return ExitCodes.OK;
  }

  private int watch(
      ServiceOptions.Service target, ServerFilter filter, Duration timeout, Duration interval)
      throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    WatchView view =
        json.json()
            ? new WatchJson(out)
            : context.terminal()
                ? new WatchScreen(out, context.clock())
                : new WatchLines(out, context.clock());
    WatchResult result;
    try (MgnClient client = target.newClient()) {
      result =
          ReplicationWatcher.builder()
              .reader(ServerFilters.reader(ReplicationStatusReader.of(client), filter))
              .ids(filter.ids())
              .interval(interval)
              .timeout(timeout)
              .clock(context.clock())
              .sleeper(context.sleeper())
              .eventListener(view)
              .build()
              .watch();
    }
    int exitCode = result.outcome() == WatchOutcome.SETTLED ? ExitCodes.OK : ExitCodes.FAILED;
    view.finish(result, exitCode);
    return exitCode;
  }
}
