package dev.mgnagent.cli.fleet;

import dev.mgnagent.cli.output.TerminalText;
import dev.mgnagent.event.EventListener;
import dev.mgnagent.event.MgnAgentEvent;
import dev.mgnagent.fleet.FleetHostEvent;
import dev.mgnagent.fleet.FleetHostFinished;
import dev.mgnagent.fleet.FleetHostStarted;
import dev.mgnagent.fleet.FleetProgress;
import dev.mgnagent.fleet.FleetResult;
import dev.mgnagent.fleet.FleetSchedulingStopped;
import dev.mgnagent.fleet.HostOutcome;
import dev.mgnagent.fleet.HostStatus;
import dev.mgnagent.install.InstallStepFailed;
import dev.mgnagent.install.InstallStepFinished;
import dev.mgnagent.installer.InstallerOutput;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A fleet as plain lines on stdout, each starting with its host in brackets: a host's start, its
 * steps, its installer's output, and its outcome with the fleet's counts. Text from hosts and
 * installers is escaped for the terminal.
 */
final class FleetLines implements EventListener {

  private final PrintWriter out;
  private final EventListener dispatch;

  FleetLines(PrintWriter out) {
    this.out = out;
    this.dispatch =
        EventListener.on(
                FleetHostStarted.class,
                e -> print(e.host().address(), "started; " + counts(e.progress())))
            .andOn(FleetHostEvent.class, this::hostEvent)
            .andOn(
                FleetHostFinished.class,
                e -> print(e.host().address(), outcome(e.outcome()) + "; " + counts(e.progress())))
            .andOn(
                FleetSchedulingStopped.class,
                e -> {
                  synchronized (out) {
                    out.println("mgn-agent: " + e.reason());
                    out.flush();
                  }
                });
  }

  @Override
  public void onEvent(MgnAgentEvent event) {
    dispatch.onEvent(event);
  }

  private void hostEvent(FleetHostEvent tagged) {
    String host = tagged.host().address();
    MgnAgentEvent event = tagged.event();
    if (event instanceof InstallStepFinished finished) {
      print(host, finished.summary());
    } else if (event instanceof InstallStepFailed failed) {
      print(host, failed.step().name() + " failed: " + failed.message());
    } else if (event instanceof InstallerOutput output) {
      print(host, output.line());
    }
  }

  static String outcome(HostOutcome outcome) {
    StringBuilder line = new StringBuilder(outcome.status().name());
    outcome.sourceServerId().ifPresent(id -> line.append(" as source server ").append(id.value()));
    outcome
        .failure()
        .ifPresent(
            f ->
                line.append(f.step().map(s -> " at " + s.name()).orElse(""))
                    .append(" (")
                    .append(f.reason())
                    .append("): ")
                    .append(f.message()));
    if (outcome.status() != HostStatus.SKIPPED) {
      line.append(String.format(Locale.ROOT, " in %.1f s", outcome.duration().toMillis() / 1000.0));
    }
    return line.toString();
  }

  static String counts(FleetProgress p) {
    return p.done()
        + "/"
        + p.total()
        + " done, "
        + p.running()
        + " running, "
        + p.waiting()
        + " waiting";
  }

  /** The last line: how many hosts ended how. */
  static void summary(PrintWriter out, FleetResult result) {
    StringBuilder line = new StringBuilder("mgn-agent: fleet: ");
    HostStatus[] statuses = HostStatus.values();
    for (int i = 0; i < statuses.length; i++) {
      line.append(i == 0 ? "" : ", ")
          .append(result.count(statuses[i]))
          .append(' ')
          .append(statuses[i].name().toLowerCase(Locale.ROOT));
    }
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }

  private void print(String host, String text) {
    String prefix = "[" + TerminalText.escape(host) + "] ";
    synchronized (out) {
      for (String line : text.split("\\R", -1)) {
        out.println(prefix + TerminalText.escape(line));
      }
      out.flush();
    }
  }
}
