package dev.mgnagent.testkit.installer;

import java.util.List;

/**
 * One run of the {@link FakeInstaller}, as it recorded itself: what it was started with and how.
 *
 * @param argv the arguments after the program name as received, except that the values of {@code
 *     --aws-secret-access-key} and {@code --aws-session-token} read {@code ****}
 * @param environmentNames the names (never the values) of the variables it saw
 * @param flavor {@code binary} or {@code python}
 * @param pid its process ID
 * @param sessionId the session it ran in (equal to {@code pid} when started with {@code setsid})
 * @param hadTerminal whether it had a controlling terminal
 */
public record FakeInstallerRun(
    List<String> argv,
    List<String> environmentNames,
    String flavor,
    long pid,
    long sessionId,
    boolean hadTerminal) {

  public FakeInstallerRun {
    argv = List.copyOf(argv);
    environmentNames = List.copyOf(environmentNames);
  }
}
