package dev.mgnagent.host.ssh.internal;

import dev.mgnagent.Secret;
import dev.mgnagent.host.ssh.SshException;
import dev.mgnagent.host.ssh.SshFailure;
import dev.mgnagent.host.ssh.SudoMode;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How commands are prefixed for sudo, and what sudo's refusals mean. The messages recognised are
 * those the sudoers plugin prints (plugins/sudoers/logging.c and sudoers.c in
 * https://github.com/sudo-project/sudo): "a password is required" ({@code -n}), "sorry, you must
 * have a tty to run sudo" ({@code requiretty}), "is not in the sudoers file", "is not allowed to
 * run sudo on", "may not run sudo on", "is not allowed to execute", "incorrect password attempt",
 * and the front end's "a terminal is required to read the password".
 */
final class Sudo {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final SudoMode mode;
  private final Optional<Secret> password;

  Sudo(SudoMode mode, Optional<Secret> password) {
    this.mode = mode;
    this.password = password;
  }

  SudoMode mode() {
    return mode;
  }

  Optional<Secret> password() {
    return password;
  }

  /** A new random prompt for one {@code sudo -S} run: recognisable, never the password. */
  static String newPrompt() {
    byte[] nonce = new byte[12];
    RANDOM.nextBytes(nonce);
    return "[mgn-agent-sudo:" + HexFormat.of().formatHex(nonce) + "]";
  }

  /** The words before the command: none, {@code sudo -n --}, or {@code sudo -S -p PROMPT --}. */
  List<String> prefix(String prompt) {
    switch (mode) {
      case NON_INTERACTIVE:
        return List.of("sudo", "-n", "--");
      case WITH_PASSWORD:
        return List.of("sudo", "-S", "-p", prompt, "--");
      default:
        return List.of();
    }
  }

  /** The typed failure sudo's error output shows, if it shows one. */
  Optional<SshException> refusal(String stderr, String host, boolean passwordRejected) {
    String text = stderr.toLowerCase(Locale.ROOT);
    if (mode == SudoMode.NONE) {
      return Optional.empty();
    }
    if (text.contains("must have a tty")) {
      return Optional.of(
          new SshException(
              SshFailure.SUDO_REQUIRETTY,
              "sudo on " + host + " requires a terminal (requiretty)",
              "add 'Defaults:USER !requiretty' for the login user in the host's sudoers, or log in"
                  + " as root"));
    }
    if (passwordRejected
        || text.contains("incorrect password attempt")
        || text.contains("sorry, try again")) {
      return Optional.of(
          new SshException(
              SshFailure.SUDO_DENIED,
              "sudo on " + host + " refused the sudo password",
              "check the sudo password of the login user"));
    }
    if (text.contains("a password is required")
        || text.contains("a terminal is required to read the password")) {
      return Optional.of(
          new SshException(
              SshFailure.SUDO_PASSWORD_REQUIRED,
              "sudo on " + host + " needs a password",
              "give the sudo password, or allow the login user sudo without one (NOPASSWD)"));
    }
    if (text.contains("not in the sudoers file")
        || text.contains("is not allowed to run sudo")
        || text.contains("may not run sudo")
        || text.contains("is not allowed to execute")) {
      return Optional.of(
          new SshException(
              SshFailure.SUDO_DENIED,
              "sudo on " + host + " does not allow the login user to run commands as root",
              "allow the login user to run commands as root in the host's sudoers, or log in as"
                  + " root"));
    }
    if (text.contains("sudo: not found")
        || text.contains("sudo: command not found")
        || text.contains("sudo: no such file")) {
      return Optional.of(
          new SshException(
              SshFailure.SUDO_DENIED,
              "sudo is not installed on " + host,
              "install sudo on the host, or log in as root"));
    }
    return Optional.empty();
  }
}
