package dev.mgnagent.cli.output;

import dev.mgnagent.cli.service.WatchJson;
import dev.mgnagent.event.EventListener;
import dev.mgnagent.event.MgnAgentEvent;
import dev.mgnagent.install.InstallStepFailed;
import dev.mgnagent.install.InstallStepFinished;
import dev.mgnagent.install.InstallStepStarted;
import dev.mgnagent.installer.DownloadFinished;
import dev.mgnagent.installer.DownloadRetrying;
import dev.mgnagent.installer.DownloadStarted;
import dev.mgnagent.installer.InstallerFinished;
import dev.mgnagent.installer.InstallerOutput;
import dev.mgnagent.installer.InstallerPromptAnswered;
import dev.mgnagent.installer.InstallerStarted;
import dev.mgnagent.mgn.ReplicationStatusChanged;
import java.io.PrintWriter;

/**
 * Prints each event as one JSON object on its own line ({@code {"type":"installerOutput",...}}),
 * for long-running commands with {@code --json}. Events it does not know are skipped.
 */
public final class EventJson implements EventListener {

  private final PrintWriter out;
  private final String host;
  private final EventListener dispatch;

  public EventJson(PrintWriter out) {
    this(out, null);
  }

  /**
   * Each event carrying {@code "host":host} after its type, for the events of one host of a fleet.
   */
  public EventJson(PrintWriter out, String host) {
    this.out = out;
    this.host = host;
    // DownloadProgress is left out: too many for a line each; downloadFinished carries the size
    this.dispatch =
        EventListener.on(
                InstallStepStarted.class,
                e ->
                    print(
                        typed("stepStarted")
                            .field("step", e.step().name())
                            .field("description", e.description())))
            .andOn(
                InstallStepFinished.class,
                e ->
                    print(
                        typed("stepFinished")
                            .field("step", e.step().name())
                            .field("summary", e.summary())))
            .andOn(
                InstallStepFailed.class,
                e ->
                    print(
                        typed("stepFailed")
                            .field("step", e.step().name())
                            .field("message", e.message())))
            .andOn(
                InstallerStarted.class,
                e ->
                    print(
                        typed("installerStarted")
                            .field("commandLine", e.commandLine())
                            .field("pid", e.pid())))
            .andOn(
                InstallerOutput.class,
                e ->
                    print(
                        typed("installerOutput")
                            .field("line", e.line())
                            .field("stderr", e.stderr())))
            .andOn(
                InstallerPromptAnswered.class,
                e ->
                    print(
                        typed("promptAnswered")
                            .field("prompt", e.prompt())
                            .field("answer", e.answer())))
            .andOn(
                InstallerFinished.class,
                e -> print(typed("installerFinished").field("exitCode", e.exitCode())))
            .andOn(
                DownloadStarted.class,
                e ->
                    print(
                        typed("downloadStarted")
                            .field("url", e.url().toString())
                            .field("fromByte", e.fromByte())))
            .andOn(
                DownloadRetrying.class,
                e ->
                    print(
                        typed("downloadRetrying")
                            .field("url", e.url().toString())
                            .field("reason", e.reason())))
            .andOn(
                DownloadFinished.class,
                e ->
                    print(
                        typed("downloadFinished")
                            .field("url", e.url().toString())
                            .field("sizeBytes", e.sizeBytes())))
            .andOn(
                ReplicationStatusChanged.class,
                e -> {
                  JsonWriter json = typed("replicationStatus");
                  WatchJson.server(json, e.current());
                  print(json);
                });
  }

  @Override
  public void onEvent(MgnAgentEvent event) {
    dispatch.onEvent(event);
  }

  private JsonWriter typed(String type) {
    JsonWriter json = JsonWriter.object().field("type", type);
    return host == null ? json : json.field("host", host);
  }

  private void print(JsonWriter json) {
    synchronized (out) {
      out.println(json.toJson());
      out.flush();
    }
  }
}
