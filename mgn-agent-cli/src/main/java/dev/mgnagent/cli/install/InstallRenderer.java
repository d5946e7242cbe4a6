package dev.mgnagent.cli.install;

import dev.mgnagent.cli.Flags;
import dev.mgnagent.cli.output.ProgressRenderer;
import dev.mgnagent.cli.output.TerminalText;
import dev.mgnagent.cli.service.ServerLine;
import dev.mgnagent.event.EventListener;
import dev.mgnagent.event.MgnAgentEvent;
import dev.mgnagent.install.InstallStep;
import dev.mgnagent.install.InstallStepFinished;
import dev.mgnagent.installer.DownloadFinished;
import dev.mgnagent.installer.DownloadProgress;
import dev.mgnagent.installer.DownloadRetrying;
import dev.mgnagent.installer.DownloadStarted;
import dev.mgnagent.installer.InstallerOutput;
import dev.mgnagent.mgn.ReplicationStatusChanged;
import java.io.PrintWriter;
import java.time.Instant;

/**
 * Shows an installation as plain text: a line per finished step, the disks in the installer's own
 * words, and the installer's own transcript on stdout; download progress on stderr. Text from the
 * installer, the host and MGN is escaped for the terminal.
 */
final class InstallRenderer implements EventListener {

  private final PrintWriter out;
  private final ProgressRenderer progress;
  private final EventListener dispatch;

  InstallRenderer(PrintWriter out, PrintWriter err, boolean terminal) {
    this.out = out;
    this.progress = new ProgressRenderer(err, terminal);
    this.dispatch = dispatch();
  }

  @Override
  public void onEvent(MgnAgentEvent event) {
    dispatch.onEvent(event);
  }

  private EventListener dispatch() {
    return EventListener.on(DownloadStarted.class, progress::onEvent)
        .andOn(DownloadProgress.class, progress::onEvent)
        .andOn(DownloadRetrying.class, progress::onEvent)
        .andOn(DownloadFinished.class, progress::onEvent)
        .andOn(
            InstallStepFinished.class,
            finished ->
                print(
                    TerminalText.lines(
                        finished.step() == InstallStep.SELECT_DISKS
                            ? Flags.inCliTerms(finished.summary())
                            : "mgn-agent: " + Flags.inCliTerms(finished.summary()))))
        .andOn(
            ReplicationStatusChanged.class,
            changed -> {
              print(TerminalText.escape(ServerLine.summary(changed.current(), Instant.now())));
              ServerLine.problem(changed.current())
                  .ifPresent(p -> print("  " + TerminalText.escape(p)));
            })
        .andOn(
            InstallerOutput.class,
            output -> {
              if (!output.line().startsWith("Identified volume for replication:")) {
                print(TerminalText.escape(output.line()));
              }
            });
  }

  private void print(String text) {
    synchronized (out) {
      out.println(text);
      out.flush();
    }
  }
}
