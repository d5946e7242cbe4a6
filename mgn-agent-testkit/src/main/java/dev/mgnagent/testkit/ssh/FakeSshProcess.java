package dev.mgnagent.testkit.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A command a fake SSH host ran for an exec request: the command line as received, the real local
 * process ({@code bash -c <command>}) and, once it ended, its exit status. While it runs, a test
 * can read {@code /proc/<pid>/cmdline} of it and its descendants.
 */
public final class FakeSshProcess {

  private final String command;
  private final Process process;
  private volatile Integer exitStatus;

  FakeSshProcess(String command, Process process) {
    this.command = command;
    this.process = process;
  }

  /** The exec request's command line, exactly as the client sent it. */
  public String command() {
    return command;
  }

  /** The process ID of {@code bash -c <command>}. */
  public long pid() {
    return process.pid();
  }

  /** Whether it still runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Its exit status; empty while it runs. */
  public OptionalInt exitStatus() {
    Integer status = exitStatus;
    return status == null ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /** The pids of it and its descendants that run now (it first). */
  public List<Long> processTree() {
    List<Long> pids = new ArrayList<>();
    if (process.isAlive()) {
      pids.add(process.pid());
    }
    process.descendants().forEach(p -> pids.add(p.pid()));
    return pids;
  }

  void exited(int status) {
    exitStatus = status;
  }

  Process process() {
    return process;
  }

  @Override
  public String toString() {
    return "FakeSshProcess[pid=" + pid() + ", command=" + command + "]";
  }
}
