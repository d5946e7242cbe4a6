package dev.mgnagent.host.ssh.internal;

import dev.mgnagent.Secret;
import dev.mgnagent.host.ssh.KeyPassphrases;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.security.SecurityUtils;

/**
 * Loads OpenSSH private keys before connecting, asking {@link KeyPassphrases} at most once per
 * encrypted key, and remembers what was tried (fingerprints only) for an authentication failure.
 */
final class Identities {

  /** A loaded key and the file it came from. */
  record Loaded(Path file, KeyPair pair) {
    String fingerprint() {
      return KeyUtils.getFingerPrint(pair.getPublic());
    }
  }

  private final List<Loaded> loaded = new ArrayList<>();
  private final List<String> skipped = new ArrayList<>();

  static Identities load(List<Path> files, KeyPassphrases passphrases) {
    Identities identities = new Identities();
    for (Path file : files) {
      identities.loadOne(file, passphrases);
    }
    return identities;
  }

  private void loadOne(Path file, KeyPassphrases passphrases) {
    if (!Files.isReadable(file)) {
      skipped.add(file + " (not readable)");
      return;
    }
    boolean[] asked = {false};
    FilePasswordProvider provider =
        new FilePasswordProvider() {
          @Override
          public String getPassword(
              org.apache.sshd.common.session.SessionContext session,
              NamedResource resource,
              int retryIndex) {
            if (asked[0]) {
              return null; // asked once per key: no retry
            }
            asked[0] = true;
            Optional<Secret> passphrase = passphrases.passphrase(file);
            return passphrase.map(Secret::reveal).orElse(null);
          }

          @Override
          public ResourceDecodeResult handleDecodeAttemptResult(
              org.apache.sshd.common.session.SessionContext session,
              NamedResource resource,
              int retryIndex,
              String password,
              Exception err) {
            return ResourceDecodeResult.TERMINATE; // success ends here; a failure is not retried
          }
        };
    try (InputStream in = Files.newInputStream(file)) {
      Iterable<KeyPair> pairs =
          SecurityUtils.loadKeyPairIdentities(
              null, NamedResource.ofName(file.toString()), in, provider);
      if (pairs == null) {
        skipped.add(file + " (no key, or no passphrase given)");
        return;
      }
      for (KeyPair pair : pairs) {
        loaded.add(new Loaded(file, pair));
      }
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      // the message of a wrong passphrase names neither the passphrase nor the key material
      skipped.add(file + (asked[0] ? " (wrong passphrase, or unreadable)" : " (unreadable)"));
    }
  }

  List<Loaded> loaded() {
    return List.copyOf(loaded);
  }

  /** What was tried and skipped, for an authentication failure's message. */
  String describe(boolean passwordTried) {
    List<String> parts = new ArrayList<>();
    for (Loaded key : loaded) {
      parts.add(
          "key "
              + key.file()
              + " "
              + KeyUtils.getKeyType(key.pair().getPublic())
              + " "
              + key.fingerprint());
    }
    for (String skip : skipped) {
      parts.add("skipped " + skip);
    }
    if (passwordTried) {
      parts.add("a password");
    }
    return parts.isEmpty() ? "nothing (no key file and no password)" : String.join("; ", parts);
  }
}
