package dev.mgnagent.cli.service;

import dev.mgnagent.Warning;
import dev.mgnagent.cli.output.JsonWriter;
import dev.mgnagent.cli.output.TerminalText;
import dev.mgnagent.mgn.ReconciledDisk;
import dev.mgnagent.mgn.Reconciliation;
import dev.mgnagent.mgn.SourceServerId;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** Renders a {@link Reconciliation}: a table with what to do per line, or JSON. */
final class ReconcileReport {
  private static final double GIB = 1024.0 * 1024 * 1024;

  private ReconcileReport() {}

  static String table(Reconciliation r) {
    StringBuilder text =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%-16s  %-16s  %-10s  %-10s  %-14s  %s%n",
                "MGN DISK",
                "HOST DISK",
                "MGN SIZE",
                "HOST SIZE",
                "CHANGE",
                "WHAT TO DO"));
    for (ReconciledDisk d : r.disks()) {
      text.append(
          String.format(
              Locale.ROOT,
              "%-16s  %-16s  %-10s  %-10s  %-14s  %s%n",
              safe(d.mgnDeviceName()) + (d.mgnBoot() ? " (boot)" : ""),
              safe(d.hostPath()) + (d.hostBoot() ? " (boot)" : ""),
              size(d.mgnBytes()),
              size(d.hostBytes()),
              d.change(),
              TerminalText.escape(d.action())));
    }
    for (Warning w : r.warnings()) {
      text.append("warning: ")
          .append(w.code())
          .append(": ")
          .append(TerminalText.escape(w.message()))
          .append('\n');
    }
    return text.toString();
  }

  /** Service or host text for the terminal: escaped, or "-" when absent. */
  private static String safe(Optional<String> text) {
    return text.map(TerminalText::escape).orElse("-");
  }

  private static String size(OptionalLong bytes) {
    return bytes.isPresent()
        ? String.format(Locale.ROOT, "%.1f GiB", bytes.getAsLong() / GIB)
        : "-";
  }

  static String json(SourceServerId id, Reconciliation r) {
    JsonWriter json =
        JsonWriter.object()
            .field("sourceServerId", id.value())
            .field("needsAction", r.needsAction())
            .beginArray("disks");
    for (ReconciledDisk d : r.disks()) {
      json.beginObject()
          .field("change", d.change().name())
          .field("mgnDeviceName", d.mgnDeviceName())
          .field("hostPath", d.hostPath())
          .field("mgnBytes", bytes(d.mgnBytes()))
          .field("hostBytes", bytes(d.hostBytes()))
          .field("hostBoot", d.hostBoot())
          .field("mgnBoot", d.mgnBoot())
          .field("action", d.action())
          .endObject();
    }
    return json.endArray().warnings("warnings", r.warnings()).toJson();
  }

  private static Optional<String> bytes(OptionalLong value) {
    return value.isPresent() ? Optional.of(Long.toString(value.getAsLong())) : Optional.empty();
  }
}
