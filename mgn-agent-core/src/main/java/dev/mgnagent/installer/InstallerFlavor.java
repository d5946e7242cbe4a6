package dev.mgnagent.installer;

/** Which Linux replication-agent installer to fetch: both live next to each other in the bucket. */
public enum InstallerFlavor {

  /** The native binary {@code aws-replication-installer-init}, run directly (the current one). */
  BINARY("aws-replication-installer-init"),

  /** The Python script {@code aws-replication-installer-init.py}, run with {@code python3}. */
  PYTHON("aws-replication-installer-init.py");

  private final String fileName;

  InstallerFlavor(String fileName) {
    this.fileName = fileName;
  }

  /** The object's file name, which is also the default local file name. */
  public String fileName() {
    return fileName;
  }

  /** The file name of the published SHA-512 digest, in the hashes bucket. */
  public String digestFileName() {
    return fileName + ".sha512";
  }

  /**
   * The object key, the same in the installer bucket and (plus {@code .sha512}) the hashes bucket.
   */
  public String key() {
    return "latest/linux/" + fileName;
  }

  /** The lower-case name used by the CLI and in JSON: {@code binary} or {@code python}. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
