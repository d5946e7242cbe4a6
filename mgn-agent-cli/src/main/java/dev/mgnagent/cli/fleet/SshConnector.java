package dev.mgnagent.cli.fleet;

import dev.mgnagent.cli.CliContext;
import dev.mgnagent.fleet.HostConnector;
import dev.mgnagent.fleet.SshHostConnector;

/** Reaches the {@code fleet} commands' hosts over SSH. */
final class SshConnector {

  private SshConnector() {}

  /**
   * The connector a {@code fleet} command uses: the context's own (tests give one) or {@link
   * #create} over SSH.
   */
  static HostConnector forContext(CliContext context, SshSettings settings) {
    return context.fleetConnectors().isPresent()
        ? context.fleetConnectors().get().connector(settings)
        : create(settings);
  }

  /**
   * The SSH connector for {@code settings}: each host's address, port, user and identity from the
   * inventory, the rest from the settings. A host that cannot be reached or logged in to is a
   * {@link dev.mgnagent.fleet.HostUnreachableException} whose reason is the SSH failure's name
   * (UNREACHABLE, AUTH_REFUSED, HOST_KEY_UNKNOWN, ...) with its remedy.
   */
  static HostConnector create(SshSettings settings) {
    SshHostConnector.Builder ssh = SshHostConnector.builder(settings.environment());
    settings.user().ifPresent(ssh::user);
    settings.identities().forEach(ssh::identity);
    settings.sudoPassword().ifPresent(ssh::sudoPassword);
    ssh.options(
        o -> {
          o.acceptNewHostKeys(settings.acceptNewHostKeys()).passphrases(settings.passphrases());
          settings.password().ifPresent(o::password);
        });
    settings.knownHosts().ifPresent(ssh::knownHosts);
    settings.remoteRoot().ifPresent(root -> ssh.perHost((host, o) -> o.remoteRoot(root)));
    return ssh.build();
  }
}
