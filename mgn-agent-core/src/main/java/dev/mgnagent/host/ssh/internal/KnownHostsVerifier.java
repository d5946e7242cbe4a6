package dev.mgnagent.host.ssh.internal;

import dev.mgnagent.host.ssh.SshException;
import dev.mgnagent.host.ssh.SshFailure;
import dev.mgnagent.host.ssh.SshTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * Checks a server's host key against an OpenSSH known_hosts file (plain and hashed {@code |1|}
 * names, {@code [host]:port} off port 22). A listed key of the same type accepts; a different key
 * for a listed host, or a {@code @revoked} one, refuses with {@link SshFailure#HOST_KEY_CHANGED};
 * an unlisted host refuses with {@link SshFailure#HOST_KEY_UNKNOWN} unless new keys are accepted,
 * when the key is appended to the file (created 0600). No other outcome exists: this replaces
 * MINA's accept-all default.
 *
 * <p>MINA only sees {@code false}; the reason is kept in {@link #failure()} for the caller to
 * throw.
 */
public final class KnownHostsVerifier implements ServerKeyVerifier {

  private final Path file;
  private final SshTarget target;
  private final boolean acceptNew;
  private final AtomicReference<SshException> failure = new AtomicReference<>();
  private volatile boolean keyOffered;

  public KnownHostsVerifier(Path file, SshTarget target, boolean acceptNew) {
    this.file = Objects.requireNonNull(file, "file");
    this.target = Objects.requireNonNull(target, "target");
    this.acceptNew = acceptNew;
  }

  /** Why the last key was refused, if it was. */
  public java.util.Optional<SshException> failure() {
    return java.util.Optional.ofNullable(failure.get());
  }

  /** Whether a server offered a key: the SSH handshake got that far. */
  public boolean keyOffered() {
    return keyOffered;
  }

  /** The host whose key this verifier checks. */
  public SshTarget target() {
    return target;
  }

  @Override
  public boolean verifyServerKey(ClientSession session, SocketAddress address, PublicKey key) {
    keyOffered = true;
    try {
      return verify(key);
    } catch (SshException e) {
      failure.set(e);
      return false;
    } catch (RuntimeException e) {
      failure.set(
          new SshException(
              SshFailure.HOST_KEY_UNKNOWN,
              "cannot check the host key of " + target.knownHostsName() + ": " + e.getMessage(),
              "fix " + file,
              e));
      return false;
    }
  }

  /**
   * Accepts {@code key} for the target or throws why not.
   *
   * @throws SshException HOST_KEY_CHANGED or HOST_KEY_UNKNOWN
   */
  public boolean verify(PublicKey key) {
    String offered = KeyUtils.getFingerPrint(key);
    List<PublicKey> known = new ArrayList<>();
    for (KnownHostEntry entry : entries()) {
      if (!matches(entry)) {
        continue;
      }
      PublicKey listed = resolve(entry);
      if (listed == null) {
        continue;
      }
      boolean same = KeyUtils.compareKeys(listed, key);
      if ("revoked".equalsIgnoreCase(entry.getMarker())) {
        if (same) {
          throw changed(offered, List.of(listed), "is marked @revoked in " + file);
        }
        continue;
      }
      if (entry.getMarker() != null) {
        continue; // @cert-authority: certificates are not used here
      }
      if (same) {
        return true;
      }
      known.add(listed);
    }
    if (!known.isEmpty()) {
      throw changed(offered, known, "differs from the one " + file + " records");
    }
    if (!acceptNew) {
      throw new SshException(
          SshFailure.HOST_KEY_UNKNOWN,
          "the host key of "
              + target.knownHostsName()
              + " is not in "
              + file
              + "; it offered "
              + KeyUtils.getKeyType(key)
              + " "
              + offered,
          "check that fingerprint on the host (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub) and add"
              + " its key to "
              + file
              + ", or accept new host keys");
    }
    append(key);
    return true;
  }

  private SshException changed(String offered, List<PublicKey> known, String why) {
    StringBuilder recorded = new StringBuilder();
    for (PublicKey k : known) {
      recorded.append(recorded.length() == 0 ? "" : ", ").append(KeyUtils.getFingerPrint(k));
    }
    return new SshException(
        SshFailure.HOST_KEY_CHANGED,
        "the host key of "
            + target.knownHostsName()
            + " has changed: it offered "
            + offered
            + ", which "
            + why
            + " (recorded: "
            + recorded
            + ")",
        "if the host was rebuilt, check the new fingerprint on it and replace its line in "
            + file
            + " (ssh-keygen -R); otherwise someone may be intercepting the connection");
  }

  private boolean matches(KnownHostEntry entry) {
    String host = target.host();
    int port = target.port();
    if (entry.getHashedEntry() != null) {
      // hashed names hash "host" on port 22 and "[host]:port" otherwise
      return entry.getHashedEntry().isHostMatch(host, port);
    }
    return entry.isHostMatch(host, port);
  }

  private static PublicKey resolve(KnownHostEntry entry) {
    try {
      return entry.getKeyEntry().resolvePublicKey(null, null, PublicKeyEntryResolver.IGNORING);
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      return null; // a key type this side cannot read never matches
    }
  }

  private List<KnownHostEntry> entries() {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      return PARSED.entries(file, Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static final ParsedFiles PARSED = new ParsedFiles();

  /**
   * The entries of the last few known_hosts files read, each kept with the exact bytes it was
   * parsed from: a fleet connects hundreds of hosts with one file of hundreds of lines, and parsing
   * it again at each connection made the connections cost grow with the fleet's size. The file is
   * still read at every connection, and parsed again whenever its content differs.
   */
  private static final class ParsedFiles {
    private static final int KEPT = 4;

    private record Parsed(byte[] content, List<KnownHostEntry> entries) {}

    private final java.util.LinkedHashMap<Path, Parsed> byFile =
        new java.util.LinkedHashMap<>(8, 0.75f, true);

    List<KnownHostEntry> entries(Path file, byte[] content) throws IOException {
      Path key = file.toAbsolutePath().normalize();
      synchronized (byFile) {
        Parsed known = byFile.get(key);
        if (known != null && java.util.Arrays.equals(known.content(), content)) {
          return known.entries();
        }
      }
      List<KnownHostEntry> parsed =
          KnownHostEntry.readKnownHostEntries(new java.io.ByteArrayInputStream(content), true);
      List<KnownHostEntry> entries = parsed == null ? List.of() : List.copyOf(parsed);
      synchronized (byFile) {
        byFile.put(key, new Parsed(content, entries));
        while (byFile.size() > KEPT) {
          Path eldest = byFile.keySet().iterator().next();
          byFile.remove(eldest);
        }
      }
      return entries;
    }
  }

  private synchronized void append(PublicKey key) {
    String line = target.knownHostsName() + " " + PublicKeyEntry.toString(key) + "\n";
    try {
      if (!Files.exists(file)) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        try {
          Files.createFile(
              file,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (java.nio.file.FileAlreadyExistsException raced) {
          // another connection created it: append to it
        }
      } else if (Files.size(file) > 0 && !endsWithNewline()) {
        line = "\n" + line;
      }
      Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the host key in " + file, e);
    }
  }

  private boolean endsWithNewline() throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    return bytes.length == 0 || bytes[bytes.length - 1] == '\n';
  }
}
