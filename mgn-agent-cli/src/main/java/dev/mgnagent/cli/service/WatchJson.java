package dev.mgnagent.cli.service;

import dev.mgnagent.cli.output.JsonWriter;
import dev.mgnagent.event.MgnAgentEvent;
import dev.mgnagent.mgn.DiskReplication;
import dev.mgnagent.mgn.ReplicationStatusChanged;
import dev.mgnagent.mgn.ServerReplicationStatus;
import dev.mgnagent.mgn.WatchResult;
import java.io.PrintWriter;
import java.util.Optional;

/** {@code --json}: one JSON event per line, then {@code {"type":"result",...}}. */
public final class WatchJson implements WatchView {
  private final PrintWriter out;

  WatchJson(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void onEvent(MgnAgentEvent event) {
    if (event instanceof ReplicationStatusChanged changed) {
      JsonWriter json = JsonWriter.object().field("type", "replicationStatusChanged");
      server(json, changed.current());
      out.println(json.toJson());
      out.flush();
    }
  }

  public static void server(JsonWriter json, ServerReplicationStatus s) {
    json.field("sourceServerId", s.id().value())
        .field("hostname", s.hostname())
        .field("replicationState", s.replicationState())
        .field("lifecycleState", s.lifecycleState())
        .field("health", s.health().name())
        .field("currentStep", s.currentStep().map(st -> st.name()))
        .field("currentStepStatus", s.currentStep().map(st -> st.status()))
        .field("replicatedBytes", s.replicatedBytes())
        .field("totalBytes", s.totalBytes())
        .field("eta", s.eta().map(Object::toString))
        .field("lag", s.lag().map(Object::toString))
        .field("nextAttempt", s.nextAttempt().map(Object::toString));
    if (s.error().isPresent()) {
      var e = s.error().get();
      json.beginObject("error")
          .field("code", e.code())
          .field("rawError", e.rawError())
          .field("meaning", e.meaning())
          .field("remedy", e.remedy())
          .endObject();
    } else {
      json.field("error", Optional.empty());
    }
    json.beginArray("disks");
    for (DiskReplication d : s.disks()) {
      json.beginObject()
          .field("deviceName", d.deviceName())
          .field("totalBytes", d.totalBytes())
          .field("replicatedBytes", d.replicatedBytes())
          .field("backloggedBytes", d.backloggedBytes())
          .field("rescannedBytes", d.rescannedBytes())
          .endObject();
    }
    json.endArray();
  }

  @Override
  public void finish(WatchResult result, int exitCode) {
    JsonWriter json =
        JsonWriter.object()
            .field("type", "result")
            .field("outcome", result.outcome().name())
            .field("exitCode", exitCode)
            .field("refreshes", result.refreshes())
            .beginArray("servers");
    for (ServerReplicationStatus s : result.servers()) {
      json.beginObject()
          .field("sourceServerId", s.id().value())
          .field("replicationState", s.replicationState())
          .field("health", s.health().name())
          .field("note", ServerLine.problem(s))
          .endObject();
    }
    out.println(json.endArray().toJson());
    out.flush();
  }
}
