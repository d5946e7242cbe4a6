package dev.mgnagent.installer;

import dev.mgnagent.MgnAgentException;
import java.net.URI;
import java.util.Objects;

/**
 * The downloaded installer does not match its published SHA-512 digest: it was deleted and nothing
 * was run. Retrying may help when a mirror or proxy served a stale file; a repeated mismatch means
 * the file is not the one AWS published.
 */
public class InstallerMismatchException extends MgnAgentException {

  private static final long serialVersionUID = 1L;

  private final URI url;
  private final String expectedSha512;
  private final String actualSha512;

  /**
   * @param url where the installer was downloaded from
   * @param expectedSha512 the published digest, lower-case hex
   * @param actualSha512 the digest of what arrived, lower-case hex
   */
  public InstallerMismatchException(URI url, String expectedSha512, String actualSha512) {
    super(
        "the installer from "
            + url
            + " does not match its published SHA-512 (expected "
            + expectedSha512
            + ", got "
            + actualSha512
            + "); it was deleted and nothing was run");
    this.url = Objects.requireNonNull(url, "url");
    this.expectedSha512 = Objects.requireNonNull(expectedSha512, "expectedSha512");
    this.actualSha512 = Objects.requireNonNull(actualSha512, "actualSha512");
  }

  /** Where the installer was downloaded from. */
  public URI url() {
    return url;
  }

  /** The published digest. */
  public String expectedSha512() {
    return expectedSha512;
  }

  /** The digest of the file that arrived. */
  public String actualSha512() {
    return actualSha512;
  }
}
