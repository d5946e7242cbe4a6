package dev.mgnagent.cli.disks;

import dev.mgnagent.Warning;
import dev.mgnagent.cli.output.JsonWriter;
import dev.mgnagent.cli.output.TerminalText;
import dev.mgnagent.disk.Disk;
import dev.mgnagent.disk.Inventory;
import dev.mgnagent.disk.Partition;
import dev.mgnagent.disk.StackedDevice;
import dev.mgnagent.selection.SelectedDisk;
import dev.mgnagent.selection.Selection;
import dev.mgnagent.selection.SelectionReason;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders an {@link Inventory} and a {@link Selection} as the {@code disks} command prints them: a
 * table followed by the selection in the installer's words, or JSON.
 */
public final class DiskReport {

  private static final double GIB = 1024.0 * 1024 * 1024;

  private DiskReport() {}

  /**
   * The disk table, a blank line, then one "Disk to replicate identified" line per selected disk.
   */
  public static String table(Inventory inventory, Selection selection) {
    StringBuilder text = new StringBuilder(table(inventory));
    if (!selection.disks().isEmpty()) {
      text.append('\n');
    }
    for (SelectedDisk disk : selection.disks()) {
      text.append("Disk to replicate identified: ")
          .append(TerminalText.escape(disk.path()))
          .append(" of size ")
          .append(gibibytes(disk.sizeBytes()))
          .append(" GiB (")
          .append(
              String.join(", ", disk.orderedReasons().stream().map(SelectionReason::name).toList()))
          .append(")\n");
    }
    return text.toString();
  }

  /** Whole GiB as the installer prints them, one decimal when not whole. */
  static String gibibytes(long bytes) {
    double gib = bytes / GIB;
    return gib == Math.rint(gib)
        ? Long.toString((long) gib)
        : String.format(Locale.ROOT, "%.1f", gib);
  }

  /** Path, size in GiB, whether it backs {@code /}, model; one disk per line. */
  static String table(Inventory inventory) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"PATH", "SIZE (GiB)", "ROOT", "MODEL"});
    for (Disk disk : inventory.disks()) {
      rows.add(
          new String[] {
            TerminalText.escape(disk.path()),
            String.format(Locale.ROOT, "%.1f", disk.sizeBytes() / GIB),
            disk.root() ? "yes" : "no",
            disk.model().map(TerminalText::escape).orElse("-")
          });
    }
    int[] widths = new int[4];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder table = new StringBuilder();
    for (String[] row : rows) {
      table
          .append(
              String.format(
                      Locale.ROOT,
                      "%-" + widths[0] + "s  %" + widths[1] + "s  %-" + widths[2] + "s  %s",
                      row[0],
                      row[1],
                      row[2],
                      row[3])
                  .stripTrailing())
          .append('\n');
    }
    return table.toString();
  }

  /** One {@code warning: ...} line per warning, plus one when no disk was found. */
  static List<String> warnings(Inventory inventory, Selection selection) {
    List<String> lines = new ArrayList<>();
    for (Warning warning : inventory.warnings()) {
      lines.add("warning: " + TerminalText.escape(warning.message()));
    }
    for (Warning warning : selection.warnings()) {
      lines.add("warning: " + TerminalText.escape(warning.message()));
    }
    if (inventory.disks().isEmpty()) {
      lines.add("mgn-agent: no disk that MGN can replicate was found on this host");
    }
    return lines;
  }

  /** {@code " (2 devices skipped: ...)"} for a one-line error, or empty. */
  static String warningSummary(Inventory inventory) {
    List<String> messages = inventory.warnings().stream().map(Warning::message).toList();
    return messages.isEmpty() ? "" : " (" + String.join("; ", messages) + ")";
  }

  public static String json(Inventory inventory, Selection selection) {
    JsonWriter json = JsonWriter.object().beginArray("disks");
    for (Disk disk : inventory.disks()) {
      json.beginObject()
          .field("path", disk.path())
          .field("name", disk.name())
          .field("sizeBytes", disk.sizeBytes())
          .field("root", disk.root())
          .field("boot", disk.boot())
          .field("model", disk.model())
          .field("vendor", disk.vendor())
          .field("serial", disk.serial())
          .field("removable", disk.removable())
          .field("readOnly", disk.readOnly())
          .field("kind", disk.kind().name())
          .field("mountPoints", disk.mountPoints())
          .field("holders", disk.holders())
          .beginArray("partitions");
      for (Partition partition : disk.partitions()) {
        json.beginObject()
            .field("path", partition.path())
            .field("name", partition.name())
            .field("number", partition.number())
            .field("sizeBytes", partition.sizeBytes())
            .field("mountPoints", partition.mountPoints())
            .field("holders", partition.holders())
            .endObject();
      }
      json.endArray().endObject();
    }
    json.endArray().beginArray("stackedDevices");
    for (StackedDevice device : inventory.stackedDevices()) {
      json.beginObject()
          .field("path", device.path())
          .field("name", device.name())
          .field("type", device.type().name())
          .field("sizeBytes", device.sizeBytes())
          .field("mountPoints", device.mountPoints())
          .field(
              "disks",
              device.diskNames().stream().map(n -> inventory.disk(n).orElseThrow().path()).toList())
          .endObject();
    }
    json.endArray().field("forced", selection.forced()).beginArray("selected");
    for (SelectedDisk disk : selection.disks()) {
      json.beginObject()
          .field("path", disk.path())
          .field("sizeBytes", disk.sizeBytes())
          .field("reasons", disk.orderedReasons().stream().map(SelectionReason::name).toList())
          .endObject();
    }
    List<Warning> warnings = new ArrayList<>(inventory.warnings());
    warnings.addAll(selection.warnings());
    return json.endArray().warnings("warnings", warnings).toJson();
  }
}
