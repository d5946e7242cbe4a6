package dev.mgnagent.install;

/**
 * An installation running on a thread of its own, started by {@link
 * AgentInstallation#start(InstallRequest)}, that can be stopped from another thread (a signal
 * handler, a UI's cancel button).
 */
public interface RunningInstallation {

  /**
   * Asks the installation to stop and returns at once: a running installer and every process of its
   * session get {@code SIGTERM}, then {@code SIGKILL} after a grace period; a download stops at its
   * next read; mgn-agent's temporary files are removed. {@link #await()} returns once all of that
   * is done. Calling it again, or after the end, does nothing.
   */
  void cancel();

  /**
   * Waits for the installation to end.
   *
   * @return what it achieved
   * @throws InstallationCancelledException if {@link #cancel()} was called before it ended
   * @throws dev.mgnagent.MgnAgentException as {@link AgentInstallation#install} does
   * @throws InterruptedException if the waiting thread is interrupted (the installation goes on)
   */
  InstallationResult await() throws InterruptedException;
}
