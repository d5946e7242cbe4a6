package dev.mgnagent.installer;

import dev.mgnagent.MgnAgentException;
import java.util.List;
import java.util.OptionalInt;

/**
 * The installer ran and did not install the agent. Carries the recognized {@link InstallerFailure},
 * the exit code and the installer's last lines (secrets masked).
 */
public class InstallerFailedException extends MgnAgentException {

  private static final long serialVersionUID = 1L;

  private final InstallerFailure failure;
  private final Integer exitCode;
  private final List<String> lastLines;

  /** Where the installer writes its own log on the server (facts, section 2). */
  public static final String INSTALLER_LOG =
      "/var/lib/aws-replication-agent/aws_replication_agent_installer.log";

  public InstallerFailedException(
      InstallerFailure failure, OptionalInt exitCode, List<String> lastLines, String evidence) {
    super(
        "the installer failed"
            + (exitCode.isPresent() ? " (exit " + exitCode.getAsInt() + ")" : "")
            + (evidence.isEmpty() ? "" : ": \"" + evidence + "\"")
            + "; "
            + failure.remedy()
            + (failure.remedy().contains(INSTALLER_LOG)
                ? ""
                : " (the installer's log: " + INSTALLER_LOG + ")"));
    this.failure = failure;
    this.exitCode = exitCode.isPresent() ? exitCode.getAsInt() : null;
    this.lastLines = List.copyOf(lastLines);
  }

  public InstallerFailure failure() {
    return failure;
  }

  /** The exit code; empty when the installer was killed before it exited by itself. */
  public OptionalInt exitCode() {
    return exitCode == null ? OptionalInt.empty() : OptionalInt.of(exitCode);
  }

  /** The installer's own log on the server, which mgn-agent never removes. */
  public String installerLog() {
    return INSTALLER_LOG;
  }

  /** The installer's last lines, secrets masked. */
  public List<String> lastLines() {
    return lastLines;
  }
}
