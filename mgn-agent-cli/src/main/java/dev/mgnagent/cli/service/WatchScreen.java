package dev.mgnagent.cli.service;

import dev.mgnagent.cli.output.TerminalText;
import dev.mgnagent.event.MgnAgentEvent;
import dev.mgnagent.mgn.DiskReplication;
import dev.mgnagent.mgn.ReplicationRefreshed;
import dev.mgnagent.mgn.ServerReplicationStatus;
import dev.mgnagent.mgn.WatchResult;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** A terminal: the whole picture redrawn in place after each refresh, a progress bar per disk. */
final class WatchScreen implements WatchView {
  private final PrintWriter out;
  private final Clock clock;
  private int drawnLines;

  WatchScreen(PrintWriter out, Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  @Override
  public void onEvent(MgnAgentEvent event) {
    if (event instanceof ReplicationRefreshed refreshed) {
      draw(frame(refreshed.servers()));
    }
  }

  List<String> frame(List<ServerReplicationStatus> servers) {
    List<String> lines = new ArrayList<>();
    for (ServerReplicationStatus s : servers) {
      lines.add(ServerLine.summary(s, clock.instant()));
      ServerLine.problem(s).ifPresent(p -> lines.add("  " + p));
      for (DiskReplication d : s.disks()) {
        lines.add(
            ServerLine.bar(d)
                + (s.replicationState().orElse("").equals("INITIAL_SYNC")
                        && d.replicatedBytes() < d.totalBytes()
                    ? ServerLine.eta(s, clock.instant())
                    : ""));
      }
    }
    return lines;
  }

  private void draw(List<String> lines) {
    if (drawnLines > 0) {
      out.print("\033[" + drawnLines + "F\033[J");
    }
    lines.forEach(line -> out.println(TerminalText.escape(line)));
    drawnLines = lines.size();
    out.flush();
  }

  @Override
  public void finish(WatchResult result, int exitCode) {
    out.println(WatchLines.ending(result));
    out.flush();
  }
}
