package dev.mgnagent.cli.output;

import dev.mgnagent.event.EventListener;
import dev.mgnagent.event.MgnAgentEvent;
import dev.mgnagent.installer.DownloadFinished;
import dev.mgnagent.installer.DownloadProgress;
import dev.mgnagent.installer.DownloadRetrying;
import dev.mgnagent.installer.DownloadStarted;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Shows download events on stderr: a progress bar redrawn in place on a terminal, a few plain lines
 * otherwise (start, each quarter, retries, end).
 */
public final class ProgressRenderer implements EventListener {

  private static final int BAR_WIDTH = 30;

  private final PrintWriter err;
  private final boolean terminal;
  private int lastShown = -1;
  private final EventListener dispatch;

  public ProgressRenderer(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
    this.dispatch = dispatch();
  }

  @Override
  public void onEvent(MgnAgentEvent event) {
    dispatch.onEvent(event);
  }

  private EventListener dispatch() {
    return EventListener.on(
            DownloadStarted.class,
            started ->
                line(
                    started.fromByte() == 0
                        ? "downloading " + started.url() + size(started.totalBytes())
                        : "resuming at byte " + started.fromByte()))
        .andOn(DownloadProgress.class, this::progress)
        .andOn(
            DownloadRetrying.class,
            retrying ->
                line(
                    "attempt "
                        + retrying.failedAttempt()
                        + " failed: "
                        + retrying.reason()
                        + "; retrying in "
                        + retrying.delay().toMillis() / 1000.0
                        + " s"))
        .andOn(
            DownloadFinished.class,
            finished -> line("downloaded " + finished.sizeBytes() + " bytes; verifying"))
        .andThen(event -> err.flush());
  }

  private void progress(DownloadProgress progress) {
    if (progress.fraction().isEmpty()) {
      return;
    }
    int percent = (int) Math.floor(progress.fraction().getAsDouble() * 100);
    if (terminal) {
      if (percent != lastShown) {
        int filled = percent * BAR_WIDTH / 100;
        err.print(
            String.format(
                Locale.ROOT,
                "\r[%s%s] %3d%% %s",
                "#".repeat(filled),
                ".".repeat(BAR_WIDTH - filled),
                percent,
                mib(progress.bytesSoFar()) + " / " + mib(progress.totalBytes().getAsLong())));
        lastShown = percent;
      }
    } else if (percent / 25 > lastShown / 25 && percent < 100) {
      err.println(percent / 25 * 25 + "% (" + progress.bytesSoFar() + " bytes)");
      lastShown = percent;
    }
  }

  private void line(String text) {
    if (terminal && lastShown >= 0) {
      err.println();
      lastShown = -1;
    }
    err.println(TerminalText.escape(text));
  }

  private static String size(OptionalLong total) {
    return total.isPresent() ? " (" + mib(total.getAsLong()) + ")" : "";
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
  }
}
