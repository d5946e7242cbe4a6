package dev.mgnagent.cli.service;

import dev.mgnagent.cli.output.TerminalText;
import dev.mgnagent.event.MgnAgentEvent;
import dev.mgnagent.mgn.ReplicationStatusChanged;
import dev.mgnagent.mgn.ServerReplicationStatus;
import dev.mgnagent.mgn.SourceServerId;
import dev.mgnagent.mgn.WatchOutcome;
import dev.mgnagent.mgn.WatchResult;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Plain lines for a non-terminal: a line when a server's state, initiation step or error changes,
 * and during the sync each time it passes another tenth.
 */
final class WatchLines implements WatchView {
  private final PrintWriter out;
  private final Clock clock;
  private final Map<SourceServerId, String> shown = new HashMap<>();

  WatchLines(PrintWriter out, Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  @Override
  public void onEvent(MgnAgentEvent event) {
    if (event instanceof ReplicationStatusChanged changed) {
      ServerReplicationStatus s = changed.current();
      String key =
          s.replicationState().orElse("")
              + "|"
              + s.currentStep().orElse(null)
              + "|"
              + s.error().map(e -> e.code()).orElse("")
              + "|"
              + (int) (s.progressPercent() / 10);
      if (!key.equals(shown.put(s.id(), key))) {
        out.println(TerminalText.escape(ServerLine.summary(s, clock.instant())));
        ServerLine.problem(s).ifPresent(p -> out.println("  " + TerminalText.escape(p)));
        out.flush();
      }
    }
  }

  @Override
  public void finish(WatchResult result, int exitCode) {
    out.println(ending(result));
    out.flush();
  }

  static String ending(WatchResult result) {
    if (result.outcome() == WatchOutcome.TIMED_OUT) {
      return "timed out after "
          + result.refreshes()
          + " refreshes; replication is still in"
          + " progress";
    }
    if (result.outcome() == WatchOutcome.FAILED) {
      return result.failed().size()
          + " of "
          + result.servers().size()
          + " source servers need attention";
    }
    long idle = result.servers().stream().filter(s -> ServerLine.problem(s).isPresent()).count();
    return result.servers().isEmpty()
        ? "no source servers"
        : "every source server replicates continuously"
            + (idle > 0 ? " or is stopped/paused (" + idle + ")" : "");
  }
}
