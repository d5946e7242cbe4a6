package dev.mgnagent.installer;

import dev.mgnagent.MgnAgentException;
import java.nio.file.Path;

/**
 * A local file operation failed: the target directory cannot be written, the disk is full, the file
 * to check cannot be read. The message says what to do. Nothing mgn-agent created is left.
 */
public class InstallerFileException extends MgnAgentException {

  private static final long serialVersionUID = 1L;

  private final transient Path path;

  public InstallerFileException(Path path, String message, Throwable cause) {
    super(message, cause);
    this.path = path;
  }

  /** The file or directory involved. */
  public Path path() {
    return path;
  }
}
