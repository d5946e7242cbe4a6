package dev.mgnagent.disk;

import dev.mgnagent.MgnAgentException;
import java.nio.file.Path;

/** The host's block devices could not be listed at all (for example, no {@code sys/block}). */
public class DiskInventoryException extends MgnAgentException {

  private static final long serialVersionUID = 1L;

  private final transient Path path;

  public DiskInventoryException(String message, Path path, Throwable cause) {
    super(message, cause);
    this.path = path;
  }

  /** The file or directory that could not be read. */
  public Path path() {
    return path;
  }
}
