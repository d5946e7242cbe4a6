package dev.mgnagent.fleet;

import dev.mgnagent.InvalidRequestException;
import java.util.Optional;

/**
 * A fleet inventory cannot be used as written: its message names the line and the column (by its
 * header name when the header could be read) and says what to write instead. Nothing was started.
 */
public class InventoryException extends InvalidRequestException {

  private static final long serialVersionUID = 1L;

  private final int line;
  private final String column;

  /**
   * @param line the 1-based line of the inventory text, or 0 for the inventory as a whole
   * @param column the column's header name (or its 1-based position), or null for a whole line
   * @param problem what is wrong and what to do instead
   */
  public InventoryException(int line, String column, String problem) {
    super("inventory", location(line, column) + problem);
    this.line = line;
    this.column = column;
  }

  /** The 1-based line, or 0 when the problem is the inventory as a whole. */
  public int line() {
    return line;
  }

  /** The column's header name (or 1-based position), when the problem is one value. */
  public Optional<String> column() {
    return Optional.ofNullable(column);
  }

  private static String location(int line, String column) {
    if (line <= 0) {
      return "inventory: ";
    }
    return "inventory line " + line + (column == null ? "" : ", column " + column) + ": ";
  }
}
