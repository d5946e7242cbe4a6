package dev.mgnagent.preflight;

import dev.mgnagent.Endpoints;
import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Regions;
import dev.mgnagent.installer.InstallerFlavor;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mgn.MgnClient;

/**
 * What a {@link Preflight} checks the server against: the region and endpoints the installation
 * will use, the installer flavor, the credentials for the MGN call, and the probe timeout. Built
 * with {@link #builder()}, checked by {@link Builder#build()}; {@link #toBuilder()} gives a builder
 * holding these values. Every setting is optional: without a region the MGN, bucket and credentials
 * checks are SKIPPED.
 *
 * <pre>{@code
 * PreflightSettings settings = PreflightSettings.builder()
 *     .region(Region.EU_WEST_3)
 *     .flavor(InstallerFlavor.PYTHON)
 *     .build();
 * }</pre>
 */
public final class PreflightSettings {

  /** The default timeout of each network probe. */
  public static final Duration DEFAULT_PROBE_TIMEOUT = Duration.ofMillis(1200);

  private final Optional<Region> region;
  private final Optional<URI> endpoint;
  private final Optional<URI> s3Endpoint;
  private final Optional<String> replicationServer;
  private final InstallerFlavor flavor;
  private final Optional<AwsCredentialsProvider> credentialsProvider;
  private final Optional<MgnClient> mgnClient;
  private final Duration probeTimeout;

  private PreflightSettings(Builder b, Optional<URI> endpoint, Optional<URI> s3Endpoint) {
    this.region = Optional.ofNullable(b.region);
    this.endpoint = endpoint;
    this.s3Endpoint = s3Endpoint;
    this.replicationServer = Optional.ofNullable(b.replicationServer);
    this.flavor = b.flavor;
    this.credentialsProvider = Optional.ofNullable(b.credentialsProvider);
    this.mgnClient = Optional.ofNullable(b.mgnClient);
    this.probeTimeout = b.probeTimeout;
  }

  /** A builder; nothing is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The settings of a preflight without a region: only the host's own checks run. */
  public static PreflightSettings hostOnly() {
    return builder().build();
  }

  /** A builder holding these values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The region to install into. */
  public Optional<Region> region() {
    return region;
  }

  /** An MGN endpoint other than the regional one, normalized. */
  public Optional<URI> endpoint() {
    return endpoint;
  }

  /** An S3 endpoint probed instead of the public bucket hosts, normalized. */
  public Optional<URI> s3Endpoint() {
    return s3Endpoint;
  }

  /** A replication server (host name or address) to probe on TCP 1500. */
  public Optional<String> replicationServer() {
    return replicationServer;
  }

  /** Which installer will run. */
  public InstallerFlavor flavor() {
    return flavor;
  }

  /** Credentials for the MGN call. */
  public Optional<AwsCredentialsProvider> credentialsProvider() {
    return credentialsProvider;
  }

  /** A client the caller built, used for the MGN call and not closed. */
  public Optional<MgnClient> mgnClient() {
    return mgnClient;
  }

  /** How long each network probe may take; the MGN call gets twice this. */
  public Duration probeTimeout() {
    return probeTimeout;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PreflightSettings other
        && region.equals(other.region)
        && endpoint.equals(other.endpoint)
        && s3Endpoint.equals(other.s3Endpoint)
        && replicationServer.equals(other.replicationServer)
        && flavor == other.flavor
        && credentialsProvider.equals(other.credentialsProvider)
        && mgnClient.equals(other.mgnClient)
        && probeTimeout.equals(other.probeTimeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        region,
        endpoint,
        s3Endpoint,
        replicationServer,
        flavor,
        credentialsProvider,
        mgnClient,
        probeTimeout);
  }

  @Override
  public String toString() {
    return "PreflightSettings[region="
        + region
        + ", endpoint="
        + endpoint
        + ", s3Endpoint="
        + s3Endpoint
        + ", replicationServer="
        + replicationServer
        + ", flavor="
        + flavor
        + ", probeTimeout="
        + probeTimeout
        + "]";
  }

  /** Collects {@link PreflightSettings}; setters take no nulls. Not thread-safe. */
  public static final class Builder {
    private Region region;
    private URI endpoint;
    private URI s3Endpoint;
    private String replicationServer;
    private InstallerFlavor flavor = InstallerFlavor.BINARY;
    private AwsCredentialsProvider credentialsProvider;
    private MgnClient mgnClient;
    private Duration probeTimeout = DEFAULT_PROBE_TIMEOUT;

    private Builder() {}

    private Builder(PreflightSettings s) {
      this.region = s.region.orElse(null);
      this.endpoint = s.endpoint.orElse(null);
      this.s3Endpoint = s.s3Endpoint.orElse(null);
      this.replicationServer = s.replicationServer.orElse(null);
      this.flavor = s.flavor;
      this.credentialsProvider = s.credentialsProvider.orElse(null);
      this.mgnClient = s.mgnClient.orElse(null);
      this.probeTimeout = s.probeTimeout;
    }

    /** The region to install into: enables the MGN, bucket and credentials checks. */
    public Builder region(Region region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /** An MGN endpoint other than the regional one (a PrivateLink endpoint, or a fake). */
    public Builder endpoint(URI endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    /** An S3 endpoint (VPC endpoint) probed instead of the public bucket hosts. */
    public Builder s3Endpoint(URI s3Endpoint) {
      this.s3Endpoint = Objects.requireNonNull(s3Endpoint, "s3Endpoint");
      return this;
    }

    /** A replication server (host name or address) to probe on TCP 1500. */
    public Builder replicationServer(String host) {
      this.replicationServer = Objects.requireNonNull(host, "host");
      return this;
    }

    /** Which installer will run (default binary); the Python one needs python3. */
    public Builder flavor(InstallerFlavor flavor) {
      this.flavor = Objects.requireNonNull(flavor, "flavor");
      return this;
    }

    /** Credentials for the MGN call; without them (or a client) the call is SKIPPED. */
    public Builder credentialsProvider(AwsCredentialsProvider credentials) {
      this.credentialsProvider = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /** A client the caller built, used for the MGN call and not closed. */
    public Builder mgnClient(MgnClient client) {
      this.mgnClient = Objects.requireNonNull(client, "client");
      return this;
    }

    /** How long each network probe may take (default 1.2 s); the MGN call gets twice this. */
    public Builder probeTimeout(Duration timeout) {
      this.probeTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * The settings, every value checked.
     *
     * @throws InvalidRequestException naming a malformed region, endpoint or server by its builder
     *     name
     * @throws IllegalArgumentException if the probe timeout is not positive
     */
    public PreflightSettings build() {
      if (region != null) {
        Regions.requireWellFormed("region", region.id());
      }
      Optional<URI> mgn =
          Optional.ofNullable(endpoint)
              .map(
                  e ->
                      Endpoints.parse(
                          "endpoint", "MGN endpoint", "mgn.us-east-1.amazonaws.com", e.toString()));
      Optional<URI> s3 =
          Optional.ofNullable(s3Endpoint)
              .map(
                  e ->
                      Endpoints.parse(
                          "s3Endpoint", "S3 endpoint", "s3.us-east-1.amazonaws.com", e.toString()));
      if (replicationServer != null
          && (replicationServer.isBlank()
              || replicationServer.contains("/")
              || replicationServer.contains(" "))) {
        throw new InvalidRequestException(
            "replicationServer",
            "replicationServer '" + replicationServer + "': give a host name or IP address");
      }
      if (replicationServer != null) {
        replicationServer = replicationServer.strip();
      }
      if (probeTimeout.isNegative() || probeTimeout.isZero()) {
        throw new IllegalArgumentException("probeTimeout must be positive: " + probeTimeout);
      }
      return new PreflightSettings(this, mgn, s3);
    }
  }
}
