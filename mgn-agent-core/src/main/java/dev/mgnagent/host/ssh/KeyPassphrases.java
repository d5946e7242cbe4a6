package dev.mgnagent.host.ssh;

import dev.mgnagent.Secret;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Supplies the passphrase of an encrypted private key. {@link SshHost} asks at most once per key
 * file and connection (and not at all for a key without a passphrase); an empty answer skips that
 * key.
 */
@FunctionalInterface
public interface KeyPassphrases {

  /** Never answers: encrypted keys are skipped. */
  KeyPassphrases NONE = key -> Optional.empty();

  /** The passphrase of the private key in {@code keyFile}, or empty to skip that key. */
  Optional<Secret> passphrase(Path keyFile);

  /** The same passphrase for every key. */
  static KeyPassphrases of(Secret passphrase) {
    return key -> Optional.of(passphrase);
  }
}
