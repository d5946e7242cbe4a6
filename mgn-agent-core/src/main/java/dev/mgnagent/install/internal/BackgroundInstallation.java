package dev.mgnagent.install.internal;

import dev.mgnagent.install.InstallationCancelledException;
import dev.mgnagent.install.InstallationResult;
import dev.mgnagent.install.RunningInstallation;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * {@link RunningInstallation}: the installation runs on its own thread; {@link #cancel()}
 * interrupts it. Every blocking wait of an installation answers an interrupt by stopping what it
 * waits for (the installer's session is stopped when its command is closed, downloads check between
 * reads) and the installation's own cleanup runs before the thread ends.
 */
final class BackgroundInstallation implements RunningInstallation {

  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final Thread thread;
  private volatile InstallationResult result;
  private volatile RuntimeException failure;

  /** Starts {@code install} on a new thread. */
  BackgroundInstallation(Supplier<InstallationResult> install) {
    thread =
        new Thread(
            () -> {
              try {
                result = install.get();
              } catch (RuntimeException | Error e) {
                failure =
                    e instanceof RuntimeException ? (RuntimeException) e : new RuntimeException(e);
              }
            },
            "mgn-agent-installation");
    thread.start();
  }

  @Override
  public void cancel() {
    if (thread.isAlive() && cancelled.compareAndSet(false, true)) {
      thread.interrupt();
    }
  }

  @Override
  public InstallationResult await() throws InterruptedException {
    thread.join();
    if (cancelled.get()) {
      throw new InstallationCancelledException(failure);
    }
    if (failure != null) {
      throw failure;
    }
    return result;
  }
}
