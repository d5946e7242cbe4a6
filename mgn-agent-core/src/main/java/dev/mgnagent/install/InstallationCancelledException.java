package dev.mgnagent.install;

import dev.mgnagent.MgnAgentException;

/**
 * The installation was stopped by {@link RunningInstallation#cancel()}: the installer, if it had
 * started, was stopped with its whole session, and mgn-agent's temporary files were removed. What
 * the installer had already changed on the server stays as it was.
 */
public class InstallationCancelledException extends MgnAgentException {

  private static final long serialVersionUID = 1L;

  /**
   * @param cause what the stopped installation threw, if anything
   */
  public InstallationCancelledException(Throwable cause) {
    super(
        "the installation was cancelled; the installer, if it had started, was stopped with"
            + " its session, and mgn-agent's temporary files were removed",
        cause);
  }
}
