package dev.mgnagent.installer;

import dev.mgnagent.Backoff;
import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Sleeper;
import dev.mgnagent.event.EventListener;
import dev.mgnagent.event.internal.GuardedListener;
import dev.mgnagent.installer.internal.DefaultInstallerVerifier;
import dev.mgnagent.installer.internal.VerifierSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Downloads the replication-agent installer and checks its SHA-512 against the published digest in
 * the same pass, so that nothing unverified is ever run.
 *
 * <pre>{@code
 * InstallerVerifier verifier =
 *     InstallerVerifier.builder().location(InstallerLocation.of(Region.EU_WEST_3)).build();
 * VerificationResult result = verifier.download(Path.of("aws-replication-installer-init"));
 * }</pre>
 *
 * <p>{@link #download(Path)} writes into a private (0700) directory created next to the target,
 * file mode 0600, and only after the digest matches makes the file executable and renames it onto
 * the target; a mismatch or a failure deletes everything it created. Interrupted transfers resume
 * with {@code Range}/{@code If-Range}; retries, backoff and timeouts are set on the {@link
 * Builder}. {@link #verifyFile(Path)} checks a file already on disk and never changes it.
 */
public interface InstallerVerifier {

  /** A builder; {@link Builder#location(InstallerLocation)} is required. */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Downloads the installer to {@code target} and verifies it.
   *
   * @return {@link VerificationResult.Verified} with the file executable at {@code target}, or
   *     {@link VerificationResult.Mismatch} with nothing left at {@code target}
   * @throws InvalidRequestException if {@code target} exists and replacing was not allowed, is a
   *     directory, or its directory does not exist
   * @throws InstallerDownloadException if the installer or digest cannot be downloaded
   * @throws InstallerFileException if the target directory cannot be written
   */
  VerificationResult download(Path target);

  /**
   * Checks a file already on disk against the digest (the published one, or the one given to {@link
   * Builder#expectedSha512(String)}). The file is never modified, moved or deleted.
   *
   * <p>The result vouches for the bytes read now, not for the path later: a registrar runs the
   * installer by its path, so a file in a directory that other users can write could be swapped
   * between this check and the run. Check only files in a directory that no one else can write (or
   * use {@link #download(Path)}, which writes into a private staging directory and renames the file
   * only after it matched).
   *
   * @throws InvalidRequestException if {@code file} is missing or not a regular file
   * @throws InstallerDownloadException if the published digest cannot be downloaded
   * @throws InstallerFileException if the file cannot be read
   */
  VerificationResult verifyFile(Path file);

  /** Configures an {@link InstallerVerifier}. Not thread-safe; build once, use many times. */
  final class Builder {

    private InstallerLocation location;
    private String expectedSha512;
    private boolean replaceExisting;
    private EventListener listener = EventListener.NONE;
    private String httpsProxy;
    private dev.mgnagent.NoProxy noProxyList = dev.mgnagent.NoProxy.NONE;
    private DownloadSettings download = DownloadSettings.defaults();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private java.util.function.Function<Path, java.util.OptionalLong> freeSpace =
        dev.mgnagent.installer.internal.VerifierSettings::usableSpace;
    private long maxInstallerBytes =
        dev.mgnagent.installer.internal.VerifierSettings.DEFAULT_MAX_INSTALLER_BYTES;

    private Builder() {}

    /** Where the installer and its digest are (required). */
    public Builder location(InstallerLocation location) {
      this.location = Objects.requireNonNull(location, "location");
      return this;
    }

    /**
     * Check against this digest (128 hex characters, any case) instead of downloading the published
     * one.
     *
     * @throws InvalidRequestException if it is not 128 hex characters
     */
    public Builder expectedSha512(String hex) {
      String h = hex == null ? "" : hex.strip();
      if (!isSha512Hex(h)) {
        throw new InvalidRequestException(
            "sha512",
            dev.mgnagent.Shown.quoted(hex)
                + " is not a SHA-512 digest (128 hexadecimal characters)");
      }
      this.expectedSha512 = h.toLowerCase(Locale.ROOT);
      return this;
    }

    /** Whether {@link #download(Path)} may replace an existing target (default false). */
    public Builder replaceExisting(boolean replace) {
      this.replaceExisting = replace;
      return this;
    }

    /** Receives download events (default: none). */
    public Builder eventListener(EventListener listener) {
      this.listener = GuardedListener.guard(listener);
      return this;
    }

    /**
     * An HTTP proxy for {@code https} URLs, as in {@code https_proxy}: {@code http://host:port} or
     * {@code host:port}; null or empty for none. Core never reads the environment: callers pass the
     * host's value (see {@code Host.environment()}).
     *
     * @throws InvalidRequestException if it is not a usable proxy URL
     */
    public Builder httpsProxy(String proxy) {
      this.httpsProxy = proxy == null || proxy.isBlank() ? null : proxy.strip();
      if (httpsProxy != null) {
        dev.mgnagent.ProxySetting.parse(httpsProxy);
      }
      return this;
    }

    /**
     * The proxy and the hosts that bypass it, as one {@link dev.mgnagent.ProxyRoute} (the route the
     * AWS API clients take too); replaces {@link #httpsProxy(String)} and {@link #noProxy(String)}.
     */
    public Builder proxyRoute(dev.mgnagent.ProxyRoute route) {
      Objects.requireNonNull(route, "route");
      this.httpsProxy = route.proxy().map(Object::toString).orElse(null);
      this.noProxyList = route.noProxy();
      return this;
    }

    /**
     * Hosts that bypass the {@link #httpsProxy(String) proxy}, as in {@code no_proxy}: a
     * comma-separated list of host names, each also matching its subdomains, or {@code *}.
     */
    public Builder noProxy(String hosts) {
      this.noProxyList = dev.mgnagent.NoProxy.parse(hosts);
      return this;
    }

    /** How the download connects and retries (default {@link DownloadSettings#defaults()}). */
    public Builder downloadSettings(DownloadSettings settings) {
      this.download = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * How long to wait for a TCP (and TLS) connection (default 20 s); short for changing {@link
     * #downloadSettings(DownloadSettings)}.
     */
    public Builder connectTimeout(Duration timeout) {
      this.download = download.toBuilder().connectTimeout(timeout).build();
      return this;
    }

    /**
     * How long a download may go without receiving a byte before it counts as stalled and is
     * retried (default 30 s); short for changing {@link #downloadSettings(DownloadSettings)}.
     */
    public Builder stallTimeout(Duration timeout) {
      this.download = download.toBuilder().stallTimeout(timeout).build();
      return this;
    }

    /**
     * How many attempts in a row may fail without getting further into the file before the download
     * gives up (default 5). An attempt that receives new bytes resets the count. Short for changing
     * {@link #downloadSettings(DownloadSettings)}.
     */
    public Builder maxAttempts(int attempts) {
      this.download = download.toBuilder().maxAttempts(attempts).build();
      return this;
    }

    /**
     * The delay before each retry (default 1 s, doubling, at most 16 s); short for changing {@link
     * #downloadSettings(DownloadSettings)}.
     */
    public Builder backoff(Backoff backoff) {
      this.download = download.toBuilder().backoff(backoff).build();
      return this;
    }

    /**
     * The largest installer accepted (default 256 MiB; the real one is about 12 MB). A larger
     * announced length is refused before any byte is written, and a body without a length stops as
     * soon as it passes the cap, so a broken or hostile server cannot fill the disk.
     */
    public Builder maxInstallerBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxInstallerBytes must be at least 1: " + bytes);
      }
      this.maxInstallerBytes = bytes;
      return this;
    }

    /**
     * Reads the free space (in bytes) of the file system holding a directory, empty when unknown
     * (default: the JDK's usable space). Before a body is written, the space of the download
     * directory is checked against the announced length plus a margin of 16 MiB.
     */
    public Builder freeSpace(java.util.function.Function<Path, java.util.OptionalLong> reader) {
      this.freeSpace = Objects.requireNonNull(reader, "reader");
      return this;
    }

    /** What waits for the backoff delay (default {@link Sleeper#SYSTEM}). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * The verifier.
     *
     * @throws IllegalStateException if no location was set
     */
    public InstallerVerifier build() {
      if (location == null) {
        throw new IllegalStateException("location is required");
      }
      return new DefaultInstallerVerifier(
          new VerifierSettings(
              location,
              Optional.ofNullable(expectedSha512),
              replaceExisting,
              listener,
              Optional.ofNullable(httpsProxy).map(dev.mgnagent.ProxySetting::parse),
              noProxyList,
              download.connectTimeout(),
              download.stallTimeout(),
              download.maxAttempts(),
              download.backoff(),
              sleeper,
              maxInstallerBytes,
              freeSpace));
    }

    /** Whether {@code hex} is 128 hexadecimal characters. */
    static boolean isSha512Hex(String hex) {
      if (hex.length() != 128) {
        return false;
      }
      for (int i = 0; i < hex.length(); i++) {
        if (!HexFormat.isHexDigit(hex.charAt(i))) {
          return false;
        }
      }
      return true;
    }
  }
}
