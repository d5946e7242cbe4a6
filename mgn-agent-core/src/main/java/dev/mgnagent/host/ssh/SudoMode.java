package dev.mgnagent.host.ssh;

/** How an {@link SshHost} gets root rights for the commands it runs. */
public enum SudoMode {
  /** No sudo: the login user is root (or the commands need no more rights than it has). */
  NONE,
  /**
   * Every command through {@code sudo -n}: sudo must not need a password; when it does, the command
   * fails with {@link SshFailure#SUDO_PASSWORD_REQUIRED}.
   */
  NON_INTERACTIVE,
  /**
   * Every command through {@code sudo -S} with a random prompt: when sudo asks, the password given
   * to {@link SshOptions.Builder#sudoPassword} is typed on the command's standard input (never put
   * on a command line).
   */
  WITH_PASSWORD
}
