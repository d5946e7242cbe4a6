package dev.mgnagent.cli.fleet;

import dev.mgnagent.cli.output.EventJson;
import dev.mgnagent.cli.output.JsonWriter;
import dev.mgnagent.event.EventListener;
import dev.mgnagent.event.MgnAgentEvent;
import dev.mgnagent.fleet.FleetHostEvent;
import dev.mgnagent.fleet.FleetHostFinished;
import dev.mgnagent.fleet.FleetHostStarted;
import dev.mgnagent.fleet.FleetProgress;
import dev.mgnagent.fleet.FleetResult;
import dev.mgnagent.fleet.FleetSchedulingStopped;
import dev.mgnagent.fleet.HostStatus;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fleet as JSON lines: every host's installation events as {@code install --json} prints them
 * with a {@code "host"} field, {@code hostStarted} and {@code hostFinished} (the results file's
 * fields) with the counts, and a final {@code {"type":"result",...}}.
 */
final class FleetJson implements EventListener {

  private final PrintWriter out;
  private final Map<String, EventJson> perHost = new ConcurrentHashMap<>();

  FleetJson(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void onEvent(MgnAgentEvent event) {
    if (event instanceof FleetHostEvent tagged) {
      String host = tagged.host().address();
      perHost.computeIfAbsent(host, h -> new EventJson(out, h)).onEvent(tagged.event());
    } else if (event instanceof FleetHostStarted started) {
      print(
          counts(
              JsonWriter.object()
                  .field("type", "hostStarted")
                  .field("host", started.host().address()),
              started.progress()));
    } else if (event instanceof FleetHostFinished finished) {
      String line = ResultsFile.line(finished.outcome());
      // the results line's fields, typed and with the counts
      print(
          "{\"type\":\"hostFinished\","
              + line.substring(1, line.length() - 1)
              + ","
              + counts(JsonWriter.object(), finished.progress()).toJson().substring(1));
    } else if (event instanceof FleetSchedulingStopped stopped) {
      print(
          counts(
              JsonWriter.object()
                  .field("type", "schedulingStopped")
                  .field("reason", stopped.reason()),
              stopped.progress()));
    }
  }

  static void result(PrintWriter out, FleetResult result) {
    JsonWriter json =
        JsonWriter.object()
            .field("type", "result")
            .field("installed", result.allInstalled())
            .field("cancelled", result.cancelled())
            .field("failureLimitExceeded", result.failureLimitExceeded());
    for (HostStatus status : HostStatus.values()) {
      json.field(status.name().toLowerCase(Locale.ROOT), result.count(status));
    }
    synchronized (out) {
      out.println(json.field("durationMs", result.duration().toMillis()).toJson());
      out.flush();
    }
  }

  private static JsonWriter counts(JsonWriter json, FleetProgress p) {
    return json.field("total", p.total())
        .field("done", p.done())
        .field("running", p.running())
        .field("waiting", p.waiting());
  }

  private void print(JsonWriter json) {
    print(json.toJson());
  }

  private void print(String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
