package dev.mgnagent.host.ssh;

import dev.mgnagent.MgnAgentException;
import java.util.Objects;

/**
 * An SSH connection, authentication, host-key or sudo failure, typed by {@link #failure()}, with
 * what to do about it in {@link #remedy()}. Messages name the host and key fingerprints, never a
 * password, passphrase or key.
 */
public class SshException extends MgnAgentException {

  private static final long serialVersionUID = 1L;

  private final SshFailure failure;
  private final String remedy;

  public SshException(SshFailure failure, String message, String remedy) {
    this(failure, message, remedy, null);
  }

  public SshException(SshFailure failure, String message, String remedy, Throwable cause) {
    super(message + (remedy.isEmpty() ? "" : "; " + remedy), cause);
    this.failure = Objects.requireNonNull(failure, "failure");
    this.remedy = Objects.requireNonNull(remedy, "remedy");
  }

  /** What kind of failure this is. */
  public SshFailure failure() {
    return failure;
  }

  /** What the user can do about it, one sentence (also the end of the message). */
  public String remedy() {
    return remedy;
  }
}
