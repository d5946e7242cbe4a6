package dev.mgnagent.cli.service;

import dev.mgnagent.cli.output.JsonWriter;
import dev.mgnagent.cli.output.TerminalText;
import dev.mgnagent.mgn.DiskReplication;
import dev.mgnagent.mgn.ServerReplicationStatus;
import java.util.List;
import java.util.Locale;

/** Renders source servers as {@code status} prints them: a table with a line per disk, or JSON. */
final class StatusReport {

  private static final double GIB = 1024.0 * 1024 * 1024;

  private StatusReport() {}

  static String table(List<ServerReplicationStatus> servers) {
    if (servers.isEmpty()) {
      return "no source servers\n";
    }
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%-19s  %-24s  %-18s  %-20s  %s%n",
                "SOURCE SERVER",
                "HOSTNAME",
                "REPLICATION",
                "LIFECYCLE",
                "REPLICATED"));
    for (ServerReplicationStatus server : servers) {
      text.append(
          String.format(
              Locale.ROOT,
              "%-19s  %-24s  %-18s  %-20s  %s%n",
              server.id(),
              safe(server.hostname()),
              safe(server.replicationState()),
              safe(server.lifecycleState()),
              progress(server.replicatedBytes(), server.totalBytes())));
      server
          .error()
          .ifPresent(
              e ->
                  text.append("  error: ")
                      .append(TerminalText.escape(e.code()))
                      .append(": ")
                      .append(TerminalText.escape(e.meaning()))
                      .append("\n  to do: ")
                      .append(TerminalText.escape(e.remedy()))
                      .append('\n'));
      for (DiskReplication disk : server.disks()) {
        text.append(
            String.format(
                Locale.ROOT,
                "  %-17s  %s%n",
                TerminalText.escape(disk.deviceName()),
                progress(disk.replicatedBytes(), disk.totalBytes())));
      }
    }
    return text.toString();
  }

  /** Service text for the terminal: escaped, or "-" when absent. */
  private static String safe(java.util.Optional<String> text) {
    return text.map(TerminalText::escape).orElse("-");
  }

  private static String progress(long replicated, long total) {
    if (total <= 0) {
      return "-";
    }
    return String.format(
        Locale.ROOT,
        "%.1f / %.1f GiB (%.0f%%)",
        replicated / GIB,
        total / GIB,
        100.0 * replicated / total);
  }

  static String json(String region, List<ServerReplicationStatus> servers) {
    JsonWriter json = JsonWriter.object().field("region", region).beginArray("servers");
    for (ServerReplicationStatus server : servers) {
      json.beginObject()
          .field("sourceServerId", server.id().value())
          .field("arn", server.arn())
          .field("hostname", server.hostname())
          .field("replicationState", server.replicationState())
          .field("lifecycleState", server.lifecycleState())
          .field("replicationError", server.replicationError())
          .field("replicationErrorRemedy", server.error().map(e -> e.remedy()))
          .field("eta", server.eta().map(Object::toString))
          .field("lag", server.lag().map(Object::toString))
          .field("archived", server.archived())
          .field("replicatedBytes", server.replicatedBytes())
          .field("totalBytes", server.totalBytes())
          .beginArray("disks");
      for (DiskReplication disk : server.disks()) {
        json.beginObject()
            .field("deviceName", disk.deviceName())
            .field("totalBytes", disk.totalBytes())
            .field("replicatedBytes", disk.replicatedBytes())
            .field("backloggedBytes", disk.backloggedBytes())
            .field("rescannedBytes", disk.rescannedBytes())
            .endObject();
      }
      json.endArray().endObject();
    }
    return json.endArray().toJson();
  }
}
