package dev.mgnagent.host.ssh;

/** Why an SSH connection or a command through it failed; {@link SshException#failure()}. */
public enum SshFailure {
  /** The host could not be reached (name unknown, connection refused, timed out). */
  UNREACHABLE,
  /** The server refused every key and the password tried. */
  AUTH_REFUSED,
  /** The host is not in the known_hosts file (and new keys are not accepted). */
  HOST_KEY_UNKNOWN,
  /** The host offered a key other than the one known_hosts records for it. */
  HOST_KEY_CHANGED,
  /** The connection dropped, or stopped answering, while in use. */
  CONNECTION_LOST,
  /** sudo needs a password and none was given (or {@code sudo -n} was used). */
  SUDO_PASSWORD_REQUIRED,
  /** sudo refused: the user may not run the command as root, or the password was wrong. */
  SUDO_DENIED,
  /** sudo's {@code requiretty} is set for this user: sudo runs only with a terminal. */
  SUDO_REQUIRETTY
}
