package dev.mgnagent.cli.disks;

import dev.mgnagent.cli.output.JsonWriter;
import dev.mgnagent.disk.Disk;
import dev.mgnagent.disk.Inventory;
import dev.mgnagent.disk.InventoryWarning;
import dev.mgnagent.disk.Partition;
import dev.mgnagent.disk.StackedDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders an {@link Inventory} as the {@code disks} command prints it: a table or JSON. */
final class DiskReport {

  private static final double GIB = 1024.0 * 1024 * 1024;

  private DiskReport() {}

  /** Path, size in GiB, whether it backs {@code /}, model; one disk per line. */
  static String table(Inventory inventory) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"PATH", "SIZE (GiB)", "ROOT", "MODEL"});
    for (Disk disk : inventory.disks()) {
      rows.add(
          new String[] {
            disk.path(),
            String.format(Locale.ROOT, "%.1f", disk.sizeBytes() / GIB),
            disk.root() ? "yes" : "no",
            disk.model().orElse("-")
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
      table.append(String.format(Locale.ROOT, "%-" + widths[0] + "s  %" + widths[1] + "s  %-"
          + widths[2] + "s  %s", row[0], row[1], row[2], row[3]).stripTrailing()).append('\n');
    }
    return table.toString();
  }

  /** One {@code warning: ...} line per inventory warning, plus one when no disk was found. */
  static List<String> warnings(Inventory inventory) {
    List<String> lines = new ArrayList<>();
    for (InventoryWarning warning : inventory.warnings()) {
      lines.add("warning: " + warning.message());
    }
    if (inventory.disks().isEmpty()) {
      lines.add("mgn-agent: no disk that MGN can replicate was found on this host");
    }
    return lines;
  }

  /** {@code " (2 devices skipped: ...)"} for a one-line error, or empty. */
  static String warningSummary(Inventory inventory) {
    List<String> messages = inventory.warnings().stream().map(InventoryWarning::message).toList();
    return messages.isEmpty() ? "" : " (" + String.join("; ", messages) + ")";
  }

  static String json(Inventory inventory) {
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
          .field("disks", device.diskNames().stream().map(n -> inventory.disk(n).orElseThrow().path()).toList())
          .endObject();
    }
    json.endArray().beginArray("warnings");
    for (InventoryWarning warning : inventory.warnings()) {
      json.beginObject().field("code", warning.code()).field("message", warning.message()).endObject();
    }
    return json.endArray().toJson();
  }
}
