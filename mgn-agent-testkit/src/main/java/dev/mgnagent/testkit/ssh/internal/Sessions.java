package dev.mgnagent.testkit.ssh.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How a command is started in a session of its own, without a controlling terminal. */
final class Sessions {

  private static final boolean SETSID =
      Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"));

  private Sessions() {}

  /**
   * {@code setsid -w bash -c <command>} where {@code setsid} exists (sshd starts each session's
   * command in a new session), else {@code bash -c <command>}.
   */
  static List<String> argv(String command) {
    List<String> argv = new ArrayList<>();
    if (SETSID) {
      argv.add("setsid");
      argv.add("-w");
    }
    argv.add("bash");
    argv.add("-c");
    argv.add(command);
    return argv;
  }
}
