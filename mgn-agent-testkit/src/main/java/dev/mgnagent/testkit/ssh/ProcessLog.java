package dev.mgnagent.testkit.ssh;

import dev.mgnagent.testkit.ssh.internal.ExecListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** The commands one fake host ran, in order, told by its server as they start and end. */
final class ProcessLog implements ExecListener {

  private final List<FakeSshProcess> processes = new ArrayList<>();

  @Override
  public synchronized void started(String command, Process process) {
    processes.add(new FakeSshProcess(command, process));
    notifyAll();
  }

  @Override
  public synchronized void exited(Process process, int status) {
    for (FakeSshProcess p : processes) {
      if (p.process() == process) {
        p.exited(status);
      }
    }
    notifyAll();
  }

  /** Kills every command still running, with its descendants. */
  synchronized void killRunning() {
    for (FakeSshProcess p : processes) {
      List<ProcessHandle> tree = p.process().descendants().toList();
      p.process().destroyForcibly();
      tree.forEach(ProcessHandle::destroyForcibly);
    }
  }

  synchronized List<FakeSshProcess> all() {
    return List.copyOf(processes);
  }

  synchronized FakeSshProcess await(
      String host, Predicate<FakeSshProcess> condition, Duration timeout)
      throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<FakeSshProcess> found = processes.stream().filter(condition).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new TimeoutException("no matching command started on " + host + " in " + timeout);
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }
}
