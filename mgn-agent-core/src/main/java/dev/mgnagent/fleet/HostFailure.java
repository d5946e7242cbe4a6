package dev.mgnagent.fleet;

import dev.mgnagent.install.InstallStep;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a host is FAILED or UNREACHABLE.
 *
 * @param step the installation step that failed (empty when the host was unreachable or the step is
 *     unknown)
 * @param reason a short stable name for the kind of failure, such as {@code INSTALLER_FAILED}, an
 *     installer failure's own name, {@code INVALID_REQUEST} or a transport's reason ({@code
 *     AUTH_REFUSED})
 * @param message what happened, in one sentence or a few
 * @param remedy what to do about it (may repeat part of the message when the failure carries no
 *     separate remedy)
 */
public record HostFailure(
    Optional<InstallStep> step, String reason, String message, String remedy) {

  public HostFailure {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(remedy, "remedy");
  }
}
