package dev.mgnagent.cli.fleet;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Secret;
import dev.mgnagent.cli.Terminal;
import dev.mgnagent.host.ssh.KeyPassphrases;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How the {@code fleet} commands get SSH secrets other than keys: an SSH password from {@code
 * --ssh-password-stdin} or a prompt ({@code --ask-ssh-password}), never from a flag's value; a
 * private key's passphrase from {@value #PASSPHRASE_VARIABLE} or, on a terminal, a prompt asked
 * once per key file for the whole run.
 */
public final class SshLoginOptions {

  /** The environment variable holding the passphrase of encrypted private keys. */
  public static final String PASSPHRASE_VARIABLE = "MGN_AGENT_SSH_KEY_PASSPHRASE";

  @Option(
      names = "--ssh-password-stdin",
      description =
          "Read the SSH login password from the first line of standard input (tried after the"
              + " keys).")
  boolean passwordStdin;

  @Option(
      names = "--ask-ssh-password",
      description = "Ask for the SSH login password on the terminal (tried after the keys).")
  boolean askPassword;

  /** The {@code *-stdin} options of this mixin that were given. */
  List<String> stdinOptions() {
    return passwordStdin ? List.of("--ssh-password-stdin") : List.of();
  }

  /**
   * The SSH password, read now: from standard input or asked on {@code console}.
   *
   * @throws InvalidRequestException for both ways at once, or a prompt without a terminal
   */
  Optional<Secret> password(Optional<Terminal> console) {
    if (passwordStdin && askPassword) {
      throw new InvalidRequestException(
          "--ask-ssh-password",
          "--ask-ssh-password and --ssh-password-stdin both give the SSH password; give one");
    }
    if (passwordStdin) {
      return Optional.of(Secret.of(FleetHostOptions.firstStdinLine("--ssh-password-stdin")));
    }
    if (!askPassword) {
      return Optional.empty();
    }
    if (console.isEmpty()) {
      throw new InvalidRequestException(
          "--ask-ssh-password",
          "--ask-ssh-password needs a terminal to ask on; give the password with"
              + " --ssh-password-stdin");
    }
    char[] typed = console.get().readPassword("SSH password: ");
    if (typed == null || typed.length == 0) {
      throw new InvalidRequestException("--ask-ssh-password", "no SSH password was typed");
    }
    return Optional.of(Secret.of(new String(typed)));
  }

  /**
   * Where passphrases of encrypted keys come from: {@value #PASSPHRASE_VARIABLE} when set (for
   * every key), else a prompt on {@code console} once per key file, else none (encrypted keys are
   * skipped).
   */
  static KeyPassphrases passphrases(Map<String, String> environment, Optional<Terminal> console) {
    String fromEnvironment = environment.get(PASSPHRASE_VARIABLE);
    if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
      return KeyPassphrases.of(Secret.of(fromEnvironment));
    }
    return console.<KeyPassphrases>map(OncePerKey::new).orElse(KeyPassphrases.NONE);
  }

  /**
   * Asks on the terminal for a key's passphrase the first time any host needs that key, and gives
   * the same answer to every later host (hosts connect at once: one prompt at a time).
   */
  private static final class OncePerKey implements KeyPassphrases {
    private final Terminal console;
    private final Map<Path, Optional<Secret>> answers = new HashMap<>();

    OncePerKey(Terminal console) {
      this.console = console;
    }

    @Override
    public synchronized Optional<Secret> passphrase(Path keyFile) {
      Path key = keyFile.toAbsolutePath().normalize();
      Optional<Secret> known = answers.get(key);
      if (known != null) {
        return known;
      }
      char[] typed = console.readPassword("Passphrase for key " + key + ": ");
      Optional<Secret> answer =
          typed == null || typed.length == 0
              ? Optional.empty()
              : Optional.of(Secret.of(new String(typed)));
      answers.put(key, answer);
      return answer;
    }

    @Override
    public String toString() {
      return "passphrases asked on the terminal";
    }
  }
}
