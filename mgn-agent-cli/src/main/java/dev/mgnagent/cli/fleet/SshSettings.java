package dev.mgnagent.cli.fleet;

import dev.mgnagent.Secret;
import dev.mgnagent.host.ssh.KeyPassphrases;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The SSH options of a {@code fleet} command, parsed: what every host is logged in with unless the
 * inventory says otherwise for one host.
 *
 * @param knownHosts {@code --known-hosts}, when given (default: the user's {@code
 *     ~/.ssh/known_hosts})
 * @param acceptNewHostKeys {@code --accept-new-host-keys}: record an unknown host's key (a changed
 *     key still fails)
 * @param identities {@code --identity} files, in order (default: the user's usual keys)
 * @param user {@code --user}, when given
 * @param sudoPassword the sudo password read from standard input, when {@code
 *     --sudo-password-stdin}
 * @param environment the local environment (for {@code HOME} and the defaults under it)
 * @param remoteRoot the hidden, test-only {@code --remote-root}: where each host's files are read
 *     instead of {@code /} (a fake host tree)
 * @param passphrases where passphrases of encrypted private keys come from
 * @param password the SSH login password, when given (from standard input or a prompt)
 */
public record SshSettings(
    Optional<Path> knownHosts,
    boolean acceptNewHostKeys,
    List<Path> identities,
    Optional<String> user,
    Optional<Secret> sudoPassword,
    Map<String, String> environment,
    Optional<String> remoteRoot,
    KeyPassphrases passphrases,
    Optional<Secret> password) {

  /** Without key passphrases or a login password. */
  public SshSettings(
      Optional<Path> knownHosts,
      boolean acceptNewHostKeys,
      List<Path> identities,
      Optional<String> user,
      Optional<Secret> sudoPassword,
      Map<String, String> environment,
      Optional<String> remoteRoot) {
    this(
        knownHosts,
        acceptNewHostKeys,
        identities,
        user,
        sudoPassword,
        environment,
        remoteRoot,
        KeyPassphrases.NONE,
        Optional.empty());
  }

  public SshSettings {
    Objects.requireNonNull(knownHosts, "knownHosts");
    identities = List.copyOf(identities);
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(sudoPassword, "sudoPassword");
    environment = Map.copyOf(environment);
    Objects.requireNonNull(remoteRoot, "remoteRoot");
    Objects.requireNonNull(passphrases, "passphrases");
    Objects.requireNonNull(password, "password");
  }
}
