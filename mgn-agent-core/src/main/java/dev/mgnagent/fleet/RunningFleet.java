package dev.mgnagent.fleet;

/**
 * A fleet installation running on threads of its own, started by {@link FleetInstallation#start()},
 * that another thread (a signal handler, a UI) can cancel.
 */
public interface RunningFleet {

  /**
   * Asks the fleet to stop and returns at once: no new host starts (those become SKIPPED), and each
   * running host's installation is cancelled ({@link
   * dev.mgnagent.install.RunningInstallation#cancel()}) and becomes CANCELLED. Calling it again, or
   * after the end, does nothing.
   */
  void cancel();

  /**
   * Waits for every host to have its outcome.
   *
   * @throws InterruptedException if the waiting thread is interrupted (the fleet goes on)
   */
  FleetResult await() throws InterruptedException;
}
