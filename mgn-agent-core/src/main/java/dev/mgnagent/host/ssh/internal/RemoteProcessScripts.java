package dev.mgnagent.host.ssh.internal;

import dev.mgnagent.host.SessionProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The shell lines that stop a remote command's processes and list what is left of its session
 * (procps: {@code pkill}, {@code ps}), and the parser of that list. A process that has exited and
 * is not reaped yet (a zombie, state {@code Z} or {@code X}) counts as gone everywhere: an init
 * that reaps orphans late, or never, would otherwise hold every stop for the whole grace period.
 */
final class RemoteProcessScripts {

  private RemoteProcessScripts() {}

  /**
   * TERM to the session {@code pid} leads (or, outside a new session, to the process and its
   * children), a wait of up to {@code grace} in tenths of a second while any of them still runs,
   * then KILL the same way; always exits 0.
   */
  static String kill(long pid, boolean newSession, Duration grace) {
    long tenths = Math.max(1, grace.toMillis() / 100);
    if (newSession) {
      return "s="
          + pid
          + "; pkill -TERM -s $s 2>/dev/null; kill -TERM -- -$s 2>/dev/null; n=0;"
          + " while [ $n -lt "
          + tenths
          + " ] && "
          + sessionRunning("$s")
          + "; do sleep 0.1; n=$((n+1)); done;"
          + " pkill -KILL -s $s 2>/dev/null; kill -KILL -- -$s 2>/dev/null; exit 0";
    }
    return "p="
        + pid
        + "; pkill -TERM -P $p 2>/dev/null; kill -TERM $p 2>/dev/null; n=0;"
        + " while [ $n -lt "
        + tenths
        + " ] && "
        + processRunning("$p")
        + "; do sleep 0.1; n=$((n+1)); done;"
        + " pkill -KILL -P $p 2>/dev/null; kill -KILL $p 2>/dev/null; exit 0";
  }

  /**
   * A shell test that holds while session {@code sid} has a member that has not exited: one whose
   * state ({@code ps}) is not {@code Z} or {@code X}. Where {@code ps} cannot select by session (it
   * fails, as busybox's does), any member that {@code pgrep -s} finds counts, zombies included.
   */
  static String sessionRunning(String sid) {
    return "{ ps -o stat= -s "
        + sid
        + " 2>/dev/null || pgrep -s "
        + sid
        + " 2>/dev/null | sed 's/.*/R/'; } | grep -q '^ *[^ZX ]'";
  }

  /**
   * A shell test that holds while process {@code pid} exists and {@code ps} does not show it as
   * exited ({@code Z} or {@code X}); without a working {@code ps}, while it exists.
   */
  static String processRunning(String pid) {
    return "kill -0 "
        + pid
        + " 2>/dev/null && ! ps -o stat= -p "
        + pid
        + " 2>/dev/null | grep -q '^ *[ZX]'";
  }

  /** Lists the processes of session {@code sid}, for {@link #sessionProcesses}; exits 0. */
  static String listSession(long sid) {
    return "ps -o pid=,stat=,args= -s " + sid + " 2>/dev/null; exit 0";
  }

  /**
   * Parses the output of {@link #listSession}: the processes listed, without those that have exited
   * and are not reaped yet.
   */
  static List<SessionProcess> sessionProcesses(String listing) {
    List<SessionProcess> found = new ArrayList<>();
    for (String line : listing.split("\n")) {
      String[] fields = line.strip().split("\\s+", 3);
      if (fields.length < 3 || fields[1].startsWith("Z") || fields[1].startsWith("X")) {
        continue; // noise, or an exited process
      }
      try {
        long member = Long.parseLong(fields[0]);
        String args = fields[2];
        found.add(
            new SessionProcess(
                member, args.length() > 200 ? args.substring(0, 200) + "..." : args));
      } catch (NumberFormatException e) {
        // a header or noise
      }
    }
    return List.copyOf(found);
  }
}
