package dev.mgnagent.cli.output;

import dev.mgnagent.cli.service.WatchJson;
import dev.mgnagent.installer.DownloadFinished;
import dev.mgnagent.installer.DownloadProgress;
import dev.mgnagent.installer.DownloadRetrying;
import dev.mgnagent.installer.DownloadStarted;
import dev.mgnagent.event.EventListener;
import dev.mgnagent.install.InstallStepFailed;
import dev.mgnagent.install.InstallStepFinished;
import dev.mgnagent.install.InstallStepStarted;
import dev.mgnagent.installer.InstallerFinished;
import dev.mgnagent.installer.InstallerOutput;
import dev.mgnagent.installer.InstallerPromptAnswered;
import dev.mgnagent.installer.InstallerStarted;
import dev.mgnagent.event.MgnAgentEvent;
import dev.mgnagent.mgn.ReplicationStatusChanged;
import java.io.PrintWriter;

/**
 * Prints each event as one JSON object on its own line ({@code {"type":"installerOutput",...}}),
 * for long-running commands with {@code --json}. Events it does not know are skipped.
 */
public final class EventJson implements EventListener {

  private final PrintWriter out;

  public EventJson(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void onEvent(MgnAgentEvent event) {
    JsonWriter json = toJson(event);
    if (json != null) {
      synchronized (out) {
        out.println(json.toJson());
        out.flush();
      }
    }
  }

  static JsonWriter toJson(MgnAgentEvent event) {
    if (event instanceof InstallStepStarted e) {
      return JsonWriter.object().field("type", "stepStarted").field("step", e.step().name())
          .field("description", e.description());
    } else if (event instanceof InstallStepFinished e) {
      return JsonWriter.object().field("type", "stepFinished").field("step", e.step().name())
          .field("summary", e.summary());
    } else if (event instanceof InstallStepFailed e) {
      return JsonWriter.object().field("type", "stepFailed").field("step", e.step().name())
          .field("message", e.message());
    } else if (event instanceof InstallerStarted e) {
      return JsonWriter.object().field("type", "installerStarted")
          .field("commandLine", e.commandLine()).field("pid", e.pid());
    } else if (event instanceof InstallerOutput e) {
      return JsonWriter.object().field("type", "installerOutput").field("line", e.line())
          .field("stderr", e.stderr());
    } else if (event instanceof InstallerPromptAnswered e) {
      return JsonWriter.object().field("type", "promptAnswered").field("prompt", e.prompt())
          .field("answer", e.answer());
    } else if (event instanceof InstallerFinished e) {
      return JsonWriter.object().field("type", "installerFinished").field("exitCode", e.exitCode());
    } else if (event instanceof DownloadStarted e) {
      return JsonWriter.object().field("type", "downloadStarted").field("url", e.url().toString())
          .field("fromByte", e.fromByte());
    } else if (event instanceof DownloadRetrying e) {
      return JsonWriter.object().field("type", "downloadRetrying").field("url", e.url().toString())
          .field("reason", e.reason());
    } else if (event instanceof DownloadFinished e) {
      return JsonWriter.object().field("type", "downloadFinished").field("url", e.url().toString())
          .field("sizeBytes", e.sizeBytes());
    } else if (event instanceof ReplicationStatusChanged e) {
      JsonWriter json = JsonWriter.object().field("type", "replicationStatus");
      WatchJson.server(json, e.current());
      return json;
    } else if (event instanceof DownloadProgress) {
      return null; // too many for a line each; downloadFinished carries the size
    }
    return null;
  }
}
