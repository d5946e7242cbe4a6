package dev.mgnagent.installer;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The outcome of checking an installer against its SHA-512 digest: {@link Verified} or {@link
 * Mismatch}. Network and disk failures are exceptions, not results.
 *
 * <pre>{@code
 * VerificationResult result = verifier.download(Path.of("aws-replication-installer-init"));
 * if (result instanceof VerificationResult.Verified v) {
 *   System.out.println("verified " + v.path() + " " + v.sha512());
 * } else if (result instanceof VerificationResult.Mismatch m) {
 *   System.err.println("do not run it: expected " + m.expected() + ", got " + m.actual());
 * }
 * }</pre>
 */
public sealed interface VerificationResult
    permits VerificationResult.Verified, VerificationResult.Mismatch {

  /** Whether the installer matched its digest. */
  default boolean verified() {
    return this instanceof Verified;
  }

  /**
   * The installer's SHA-512 matches the expected digest.
   *
   * @param path where the verified installer is: the target of a download (now executable), or the
   *     file that was checked in place
   * @param sizeBytes its size
   * @param sha512 its SHA-512, 128 lower-case hex characters
   * @param sourceUrl where it was downloaded from, or the {@code file:} URI of a file checked in
   *     place
   * @param flavor binary or Python installer
   */
  record Verified(Path path, long sizeBytes, String sha512, URI sourceUrl, InstallerFlavor flavor)
      implements VerificationResult {

    public Verified {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(sha512, "sha512");
      Objects.requireNonNull(sourceUrl, "sourceUrl");
      Objects.requireNonNull(flavor, "flavor");
    }
  }

  /**
   * The installer's SHA-512 differs from the expected digest. A download was deleted; a file
   * checked in place was left untouched. Do not run it.
   *
   * @param url where the installer came from (a {@code file:} URI for a file checked in place)
   * @param expected the published (or given) digest, lower-case hex
   * @param actual the digest of the bytes received, lower-case hex
   */
  record Mismatch(URI url, String expected, String actual) implements VerificationResult {

    public Mismatch {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(expected, "expected");
      Objects.requireNonNull(actual, "actual");
    }
  }
}
