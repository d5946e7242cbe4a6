package dev.mgnagent.fleet;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Shown;
import dev.mgnagent.Tags;
import dev.mgnagent.fleet.internal.CsvRecords;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The hosts of a fleet, read from CSV text with a header line:
 *
 * <pre>
 * host,port,user,identity,tags,devices,user_provided_id
 * 10.0.0.12,,ec2-user,,app=web;env=prod,,
 * db-1.example.com,2222,admin,keys/db.pem,"app=db",/dev/sda,db-1
 * </pre>
 *
 * <p>Only {@code host} is required; the columns may come in any order and any of the others may be
 * left out. A {@code jump} column names the host's jump host, {@code [user@]host[:port]}. Tags are
 * {@code Key=Value} items separated by {@code ;}. A field holding a comma or a quote is quoted
 * ({@code "a,b"}, a quote inside written {@code ""}). Blank lines and lines starting with {@code #}
 * are skipped.
 *
 * <p>Every row is checked before the inventory is returned, so nothing runs on a fleet whose
 * inventory holds a mistake: an {@link InventoryException} names the line and the column. The same
 * host (address and port) listed twice, and the same user-provided ID given to two hosts, are
 * mistakes too.
 */
public final class FleetInventory {

  /** The column names a header may use, in their documented order. */
  public static final List<String> COLUMNS =
      List.of("host", "port", "user", "identity", "tags", "devices", "user_provided_id", "jump");

  /** The largest inventory file read (16 MiB). */
  public static final int MAX_BYTES = 16 * 1024 * 1024;

  private final List<FleetHost> hosts;

  private FleetInventory(List<FleetHost> hosts) {
    this.hosts = List.copyOf(hosts);
  }

  /** An inventory of the given hosts, in order (checked for duplicates as a file would be). */
  public static FleetInventory of(List<FleetHost> hosts) {
    Objects.requireNonNull(hosts, "hosts");
    Map<String, Integer> seen = new HashMap<>();
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < hosts.size(); i++) {
      FleetHost host = Objects.requireNonNull(hosts.get(i), "host");
      Integer before = seen.putIfAbsent(key(host), i + 1);
      if (before != null) {
        throw new InvalidRequestException(
            "hosts",
            "the host " + host + " is listed twice (entries " + before + " and " + (i + 1) + ")");
      }
      if (host.userProvidedId().isPresent()) {
        Integer other = ids.putIfAbsent(host.userProvidedId().get(), i + 1);
        if (other != null) {
          throw new InvalidRequestException(
              "hosts",
              "the user-provided ID "
                  + Shown.quoted(host.userProvidedId().get())
                  + " is given to two hosts (entries "
                  + other
                  + " and "
                  + (i + 1)
                  + ")");
        }
      }
    }
    return new FleetInventory(hosts);
  }

  /**
   * Reads the inventory file {@code file} (UTF-8).
   *
   * @throws InventoryException if it cannot be read or holds a mistake
   */
  public static FleetInventory read(Path file) {
    Objects.requireNonNull(file, "file");
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new InventoryException(
          0, null, "cannot read " + Shown.quoted(file.toString()) + ": " + e.getMessage());
    }
    if (bytes.length > MAX_BYTES) {
      throw new InventoryException(0, null, "the file is larger than " + MAX_BYTES + " bytes");
    }
    try {
      return parse(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      throw new InventoryException(0, null, "the file is not UTF-8 text");
    }
  }

  /**
   * Parses inventory text.
   *
   * @throws InventoryException naming the line and column of the first mistake
   */
  public static FleetInventory parse(String text) {
    Objects.requireNonNull(text, "text");
    List<CsvRecords.Row> rows = CsvRecords.parse(text);
    if (rows.isEmpty()) {
      throw new InventoryException(
          0, null, "it is empty; the first line is the header, starting with: host");
    }
    CsvRecords.Row header = rows.get(0);
    List<String> columns = header(header);
    List<FleetHost> hosts = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    Map<String, Integer> ids = new HashMap<>();
    for (CsvRecords.Row row : rows.subList(1, rows.size())) {
      if (row.fields().size() > columns.size()) {
        throw new InventoryException(
            row.line(),
            null,
            row.fields().size()
                + " fields, but the header names "
                + columns.size()
                + " columns; quote a value that holds a comma");
      }
      FleetHost host = host(row, columns);
      Integer before = seen.putIfAbsent(key(host), row.line());
      if (before != null) {
        throw new InventoryException(
            row.line(), "host", "the host " + host + " is already listed on line " + before);
      }
      if (host.userProvidedId().isPresent()) {
        Integer other = ids.putIfAbsent(host.userProvidedId().get(), row.line());
        if (other != null) {
          throw new InventoryException(
              row.line(),
              "user_provided_id",
              "the user-provided ID "
                  + Shown.quoted(host.userProvidedId().get())
                  + " is already given on line "
                  + other);
        }
      }
      hosts.add(host);
    }
    if (hosts.isEmpty()) {
      throw new InventoryException(0, null, "it lists no host, only a header");
    }
    return new FleetInventory(hosts);
  }

  /** The hosts, in the inventory's order. */
  public List<FleetHost> hosts() {
    return hosts;
  }

  /** How many hosts. */
  public int size() {
    return hosts.size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FleetInventory other && hosts.equals(other.hosts);
  }

  @Override
  public int hashCode() {
    return hosts.hashCode();
  }

  @Override
  public String toString() {
    return "FleetInventory" + hosts;
  }

  private static String key(FleetHost host) {
    return host.address().toLowerCase(Locale.ROOT) + ":" + host.port().orElse(0);
  }

  private static List<String> header(CsvRecords.Row header) {
    List<String> columns = new ArrayList<>();
    Map<String, Integer> positions = new LinkedHashMap<>();
    for (int i = 0; i < header.fields().size(); i++) {
      String name = header.fields().get(i).strip().toLowerCase(Locale.ROOT);
      if (!COLUMNS.contains(name)) {
        throw new InventoryException(
            header.line(),
            String.valueOf(i + 1),
            "unknown column "
                + Shown.quoted(header.fields().get(i))
                + "; the header names columns among "
                + String.join(",", COLUMNS));
      }
      if (positions.putIfAbsent(name, i + 1) != null) {
        throw new InventoryException(
            header.line(), String.valueOf(i + 1), "the column " + name + " is named twice");
      }
      columns.add(name);
    }
    if (!positions.containsKey("host")) {
      throw new InventoryException(
          header.line(),
          null,
          "the header has no host column; the first line names the columns, such as: "
              + String.join(",", COLUMNS));
    }
    return columns;
  }

  private static FleetHost host(CsvRecords.Row row, List<String> columns) {
    FleetHost.Builder builder = FleetHost.builder();
    boolean hasHost = false;
    for (int i = 0; i < row.fields().size(); i++) {
      String value = row.fields().get(i);
      String column = columns.get(i);
      if (value.isEmpty()) {
        continue;
      }
      try {
        set(builder, column, value);
      } catch (InvalidRequestException e) {
        throw new InventoryException(row.line(), column, e.getMessage());
      }
      hasHost |= column.equals("host");
    }
    if (!hasHost) {
      throw new InventoryException(row.line(), "host", "the host is empty; every row needs one");
    }
    return builder.build();
  }

  private static void set(FleetHost.Builder builder, String column, String value) {
    switch (column) {
      case "host":
        builder.address(value);
        break;
      case "port":
        if (!value.matches("[0-9]{1,5}")) {
          throw new InvalidRequestException(
              "port", "the port " + Shown.quoted(value) + " is not a number from 1 to 65535");
        }
        builder.port(Integer.parseInt(value));
        break;
      case "user":
        builder.user(value);
        break;
      case "identity":
        builder.identity(value);
        break;
      case "tags":
        builder.tags(tags(value));
        break;
      case "devices":
        builder.devices(value);
        break;
      case "jump":
        builder.jump(value);
        break;
      default:
        builder.userProvidedId(value);
        break;
    }
  }

  /** {@code Key=Value;Key=Value}; empty items (a trailing {@code ;}) are ignored. */
  private static Tags tags(String value) {
    List<String> items = new ArrayList<>();
    for (String item : value.split(";", -1)) {
      if (!item.isBlank()) {
        items.add(item.strip());
      }
    }
    return Tags.parse(items);
  }
}
