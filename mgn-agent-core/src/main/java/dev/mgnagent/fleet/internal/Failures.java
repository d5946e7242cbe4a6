package dev.mgnagent.fleet.internal;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.MgnAgentException;
import dev.mgnagent.credentials.AssumeRoleException;
import dev.mgnagent.disk.DiskInventoryException;
import dev.mgnagent.fleet.HostFailure;
import dev.mgnagent.host.ssh.SshException;
import dev.mgnagent.install.InstallStep;
import dev.mgnagent.install.InstallationInProgressException;
import dev.mgnagent.installer.InstallerDownloadException;
import dev.mgnagent.installer.InstallerFailedException;
import dev.mgnagent.installer.InstallerFileException;
import dev.mgnagent.installer.InstallerMismatchException;
import dev.mgnagent.mgn.MgnServiceException;
import dev.mgnagent.mgn.SourceServerStateException;
import dev.mgnagent.selection.InvalidSelectionException;
import java.util.Optional;

/** Turns what a host's work threw into a {@link HostFailure} with a stable reason name. */
final class Failures {

  private Failures() {}

  static HostFailure of(Optional<InstallStep> step, Throwable e) {
    String message = e.getMessage() == null ? "no details" : e.getMessage();
    if (e instanceof InstallerFailedException failed) {
      return new HostFailure(step, failed.failure().name(), message, failed.failure().remedy());
    }
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof SshException ssh) {
        // sudo refused, the link dropped: the SSH failure says more than the step that met it
        return new HostFailure(step, ssh.failure().name(), message, ssh.remedy());
      }
    }
    String reason = reason(e);
    if (reason.equals("FAILED") && step.isPresent()) {
      reason = step.get().name() + "_FAILED"; // such as PREFLIGHT_FAILED
    }
    return new HostFailure(step, reason, message, message);
  }

  private static String reason(Throwable e) {
    if (e instanceof InvalidSelectionException) {
      return "INVALID_SELECTION";
    }
    if (e instanceof InvalidRequestException) {
      return "INVALID_REQUEST";
    }
    if (e instanceof InstallerMismatchException) {
      return "INSTALLER_MISMATCH";
    }
    if (e instanceof InstallerDownloadException) {
      return "DOWNLOAD_FAILED";
    }
    if (e instanceof InstallerFileException) {
      return "INSTALLER_FILE";
    }
    if (e instanceof InstallationInProgressException) {
      return "INSTALLATION_IN_PROGRESS";
    }
    if (e instanceof MgnServiceException) {
      return "MGN_SERVICE";
    }
    if (e instanceof SourceServerStateException) {
      return "SOURCE_SERVER_STATE";
    }
    if (e instanceof DiskInventoryException) {
      return "DISK_INVENTORY";
    }
    if (e instanceof AssumeRoleException) {
      return "INSTALL_CREDENTIALS";
    }
    if (e instanceof MgnAgentException) {
      return "FAILED";
    }
    return "INTERNAL_ERROR";
  }
}
