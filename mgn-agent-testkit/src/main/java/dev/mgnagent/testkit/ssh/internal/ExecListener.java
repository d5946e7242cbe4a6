package dev.mgnagent.testkit.ssh.internal;

/** Told about every process a fake host's exec channel starts, and when it ends. */
public interface ExecListener {

  /** A process was started for {@code command}. */
  void started(String command, Process process);

  /** The process of {@code command} ended with this status. */
  void exited(Process process, int status);
}
