package dev.mgnagent.cli.fleet;

import dev.mgnagent.cli.output.TerminalText;
import dev.mgnagent.event.EventListener;
import dev.mgnagent.event.MgnAgentEvent;
import dev.mgnagent.fleet.FleetHost;
import dev.mgnagent.fleet.FleetHostEvent;
import dev.mgnagent.fleet.FleetHostFinished;
import dev.mgnagent.fleet.FleetHostStarted;
import dev.mgnagent.fleet.FleetProgress;
import dev.mgnagent.fleet.FleetSchedulingStopped;
import dev.mgnagent.install.InstallStepStarted;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A fleet on an interactive terminal: a block at the bottom of the screen with the counts (done,
 * failed, running, waiting) and one line per running host with its current step, redrawn in place
 * with ANSI cursor movement; above it, one permanent line per host as it finishes. Starts and step
 * changes redraw at most once per {@code interval} of the given clock; a finished host redraws at
 * once; {@link #finish()} draws the last state. Text from hosts is escaped for the terminal.
 */
final class FleetLiveView implements EventListener {

  /** The most running hosts listed; the rest are counted on one line. */
  static final int MAX_HOST_LINES = 20;

  private static final String ESC = "\u001b[";

  private final PrintWriter out;
  private final Clock clock;
  private final long intervalMillis;
  private final int width;
  private final EventListener dispatch;

  // guarded by this
  private final Map<FleetHost, String> running = new LinkedHashMap<>();
  private FleetProgress progress;
  private int shownLines;
  private long lastDraw = Long.MIN_VALUE;

  /**
   * @param width the terminal's columns: block lines are cut to fit, so that moving the cursor up
   *     by the number of lines drawn lands where the block began
   */
  FleetLiveView(PrintWriter out, Clock clock, Duration interval, int width) {
    this.out = out;
    this.clock = clock;
    this.intervalMillis = interval.toMillis();
    this.width = Math.max(20, width);
    this.dispatch =
        EventListener.on(FleetHostStarted.class, this::started)
            .andOn(FleetHostEvent.class, this::hostEvent)
            .andOn(FleetHostFinished.class, this::finished)
            .andOn(
                FleetSchedulingStopped.class,
                e -> permanent("mgn-agent: " + TerminalText.escape(e.reason()), e.progress()));
  }

  /** The terminal's width from {@code COLUMNS} in {@code environment}, else 80. */
  static int width(Map<String, String> environment) {
    String columns = environment.get("COLUMNS");
    if (columns != null && columns.matches("[0-9]{1,4}")) {
      return Integer.parseInt(columns);
    }
    return 80;
  }

  @Override
  public void onEvent(MgnAgentEvent event) {
    dispatch.onEvent(event);
  }

  private synchronized void started(FleetHostStarted e) {
    running.put(e.host(), "connecting");
    progress = e.progress();
    changed();
  }

  private synchronized void hostEvent(FleetHostEvent tagged) {
    if (tagged.event() instanceof InstallStepStarted step && running.containsKey(tagged.host())) {
      running.put(tagged.host(), step.step().name().toLowerCase(Locale.ROOT).replace('_', ' '));
      changed();
    }
  }

  private synchronized void finished(FleetHostFinished e) {
    running.remove(e.outcome().host());
    permanent(
        "["
            + TerminalText.escape(e.outcome().host().address())
            + "] "
            + TerminalText.escape(FleetLines.outcome(e.outcome())),
        e.progress());
  }

  /**
   * Prints {@code line} above the block and redraws the block under it at once: a finished host is
   * at most one redraw per host, and the block never stays off the screen.
   */
  private synchronized void permanent(String line, FleetProgress now) {
    progress = now;
    erase();
    out.println(line);
    draw();
    lastDraw = clock.millis();
    out.flush();
  }

  private void changed() {
    drawIfDue();
    out.flush();
  }

  /** Draws the block as it is now, whatever the rate; the fleet's last screen. */
  synchronized void finish() {
    erase();
    draw();
    out.flush();
  }

  private void drawIfDue() {
    long now = clock.millis();
    if (lastDraw == Long.MIN_VALUE || now - lastDraw >= intervalMillis) {
      erase();
      draw();
      lastDraw = now;
    }
  }

  private void erase() {
    if (shownLines > 0) {
      out.print("\r" + ESC + shownLines + "A" + ESC + "J");
      shownLines = 0;
    }
  }

  private void draw() {
    if (progress == null) {
      return;
    }
    int lines = 0;
    out.println(fit(counts(progress)));
    lines++;
    int listed = 0;
    for (Map.Entry<FleetHost, String> host : running.entrySet()) {
      if (listed == MAX_HOST_LINES) {
        out.println(fit("  ... and " + (running.size() - listed) + " more running"));
        lines++;
        break;
      }
      out.println(
          fit("  " + TerminalText.escape(host.getKey().address()) + "  " + host.getValue()));
      lines++;
      listed++;
    }
    shownLines = lines;
  }

  /** {@code fleet: 3/20 done, 1 failed, 2 running, 15 waiting}; failed counts UNREACHABLE too. */
  static String counts(FleetProgress p) {
    return "fleet: "
        + p.done()
        + "/"
        + p.total()
        + " done, "
        + (p.failed() + p.unreachable())
        + " failed, "
        + p.running()
        + " running, "
        + p.waiting()
        + " waiting";
  }

  private String fit(String line) {
    return line.length() < width ? line : line.substring(0, width - 1);
  }
}
