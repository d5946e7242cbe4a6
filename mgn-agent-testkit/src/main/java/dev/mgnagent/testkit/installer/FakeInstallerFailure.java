package dev.mgnagent.testkit.installer;

/**
 * Ways the {@link FakeInstaller} can be told to fail, each as the real installer does (facts,
 * sections 3 and 8): the documented line, then a non-zero exit.
 */
public enum FakeInstallerFailure {
  /**
   * Prints "AWS Replication Agent installation failed due to the account not being initialized".
   */
  ACCOUNT_NOT_INITIALIZED,
  /** Prints "Failed to validate AWS credentials". */
  INVALID_CREDENTIALS,
  /**
   * Prints "Cannot install agent, as this server was previously installed to replicate into another
   * region or account".
   */
  PREVIOUSLY_INSTALLED,
  /** Prints "Are kernel linux headers installed correctly?" after a driver build error. */
  KERNEL_HEADERS_MISSING,
  /** Prints "gcc was not found and could not be automatically fetched". */
  GCC_MISSING,
  /** Prints "Error: You need to have root privileges to run this script". */
  NOT_ROOT,
  /** Dies mid-way through the download step with a stack trace and exit code 134. */
  CRASH,
  /** Exits 1 after the disk step without printing anything about why. */
  SILENT_EXIT,
  /** Stops answering forever (with a child process of its own) after identifying the disks. */
  HANG,
  /** Prints an error line that echoes the secret access key, then exits 1. */
  ECHO_SECRET
}
