package dev.mgnagent.install;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Regions;
import dev.mgnagent.Secret;
import dev.mgnagent.Shown;
import dev.mgnagent.Tags;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.installer.InstallerLocation;
import dev.mgnagent.installer.RegistrationRequest;
import dev.mgnagent.installer.UrlStyle;
import dev.mgnagent.selection.SelectionRequest;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;

/**
 * Everything an {@link AgentInstallation} is asked to do: the installer's own parameters and
 * mgn-agent's. Built with {@link #builder()}; {@link Builder#build()} checks every value before
 * anything is contacted or started, and {@link #toBuilder()} gives a builder holding this request's
 * values, to change one.
 *
 * <pre>{@code
 * InstallRequest request = InstallRequest.builder()
 *     .region(Region.EU_WEST_3)
 *     .devices("/dev/sda,/dev/sdb")
 *     .noPrompt(true)
 *     .tags(Tags.builder().add("app", "billing").build())
 *     .build();
 * }</pre>
 *
 * <p>An {@link InvalidRequestException} names the offending value by its builder name ({@code
 * region}, {@code secretAccessKey}, {@code tags}, ...) in {@link
 * InvalidRequestException#parameter()}. Secrets are never shown, {@link #toString()} included.
 */
public final class InstallRequest {

  private static final Pattern ACCESS_KEY_ID = Pattern.compile("[A-Z0-9]{16,128}");

  /** Secret keys are 40 characters today; this leaves room without taking a pasted file. */
  static final int MAX_SECRET = 1024;

  /** Session tokens run to a few kilobytes. */
  static final int MAX_SESSION_TOKEN = 16 * 1024;

  /** Text the installer gets on its command line or stdin: one line, without control characters. */
  static final int MAX_TEXT = 256;

  private final Region region;
  private final Optional<String> accessKeyId;
  private final Optional<Secret> secretAccessKey;
  private final Optional<Secret> sessionToken;
  private final Optional<String> profile;
  private final SelectionRequest selection;
  private final Tags tags;
  private final Optional<URI> s3Endpoint;
  private final Optional<URI> endpoint;
  private final Optional<String> userProvidedId;
  private final boolean noReplication;
  private final boolean dualstack;
  private final InstallerFlavor flavor;
  private final boolean initializeService;
  private final boolean skipPreflight;
  private final boolean allowSecretOnCommandLine;
  private final boolean watch;
  private final Optional<URI> iamEndpoint;
  private final Optional<URI> stsEndpoint;
  private final Optional<URI> ec2Endpoint;
  private final Optional<String> stagingSubnetId;
  private final Optional<String> installerSha512;
  private final boolean sandbox;

  private InstallRequest(Builder b, SelectionRequest selection) {
    this.region = b.region;
    this.accessKeyId = Optional.ofNullable(b.accessKeyId);
    this.secretAccessKey = Optional.ofNullable(b.secretAccessKey);
    this.sessionToken = Optional.ofNullable(b.sessionToken);
    this.profile = Optional.ofNullable(b.profile);
    this.selection = selection;
    this.tags = b.tags;
    this.s3Endpoint = Optional.ofNullable(b.s3Endpoint);
    this.endpoint = Optional.ofNullable(b.endpoint);
    this.userProvidedId = Optional.ofNullable(b.userProvidedId);
    this.noReplication = b.noReplication;
    this.dualstack = b.dualstack;
    this.flavor = b.flavor;
    this.initializeService = b.initializeService;
    this.skipPreflight = b.skipPreflight;
    this.allowSecretOnCommandLine = b.allowSecretOnCommandLine;
    this.watch = b.watch;
    this.iamEndpoint = Optional.ofNullable(b.iamEndpoint);
    this.stsEndpoint = Optional.ofNullable(b.stsEndpoint);
    this.ec2Endpoint = Optional.ofNullable(b.ec2Endpoint);
    this.stagingSubnetId = Optional.ofNullable(b.stagingSubnetId);
    this.installerSha512 = Optional.ofNullable(b.installerSha512);
    this.sandbox = b.sandbox;
  }

  /** A builder; only {@link Builder#region(Region)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this request's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Where to register the server. */
  public Region region() {
    return region;
  }

  /** The installer's access key ID, when given explicitly. */
  public Optional<String> accessKeyId() {
    return accessKeyId;
  }

  /** The secret access key, when given explicitly; never shown. */
  public Optional<Secret> secretAccessKey() {
    return secretAccessKey;
  }

  /** The session token of temporary credentials; never shown. */
  public Optional<Secret> sessionToken() {
    return sessionToken;
  }

  /** A named profile of the AWS shared configuration to take the credentials from. */
  public Optional<String> profile() {
    return profile;
  }

  /** The disks to replicate, as the installer's parameters say it. */
  public SelectionRequest selection() {
    return selection;
  }

  /** The comma-separated disk list; empty means every disk. */
  public Optional<String> devices() {
    return selection.devices();
  }

  /** Pass the listed paths as given, skipping the installer's disk detection. */
  public boolean forceVolumes() {
    return selection.forceVolumes();
  }

  /** Run the installer without prompts. */
  public boolean noPrompt() {
    return selection.noPrompt();
  }

  /** Resource tags for a new source server, in order (empty for none). */
  public Tags tags() {
    return tags;
  }

  /** An S3 endpoint (a VPC endpoint, or a loopback server) to download the installer through. */
  public Optional<URI> s3Endpoint() {
    return s3Endpoint;
  }

  /**
   * An MGN endpoint other than the regional one (PrivateLink, dual-stack, or a loopback server).
   */
  public Optional<URI> endpoint() {
    return endpoint;
  }

  /** An ID of the caller's own for the source server. */
  public Optional<String> userProvidedId() {
    return userProvidedId;
  }

  /** Install without starting replication. */
  public boolean noReplication() {
    return noReplication;
  }

  /** Reach MGN over its dual-stack endpoint (which {@link #endpoint()} must name). */
  public boolean dualstack() {
    return dualstack;
  }

  /** The binary installer or the Python one. */
  public InstallerFlavor flavor() {
    return flavor;
  }

  /**
   * Where this request's installer is downloaded from: through {@link #s3Endpoint()} when one is
   * given, else AWS's regional bucket for {@link #region()}, in {@link #flavor()}.
   */
  public InstallerLocation installerLocation() {
    return s3Endpoint()
        .map(e -> InstallerLocation.viaEndpoint(region(), e, flavor()))
        .orElseGet(() -> InstallerLocation.of(region(), flavor(), UrlStyle.REGIONAL));
  }

  /** Initialize MGN in the region when it is not. */
  public boolean initializeService() {
    return initializeService;
  }

  /** Go on even when a preflight check fails (each failure becomes a warning). */
  public boolean skipPreflight() {
    return skipPreflight;
  }

  /**
   * The installer's SHA-512 pinned by the caller (128 lower-case hex characters): the download must
   * match it, whatever digest the S3 endpoint publishes. An {@code http://} S3 endpoint is accepted
   * only with a pinned digest or for a {@link #sandbox()}.
   */
  public Optional<String> installerSha512() {
    return installerSha512;
  }

  /**
   * Whether the endpoints are a sandbox's fakes that the caller started itself: preflight failures
   * then only warn and an {@code http://} S3 endpoint needs no pinned digest. Never inferred from
   * the shape of an endpoint.
   */
  public boolean sandbox() {
    return sandbox;
  }

  /**
   * The opt-in that {@link #forceVolumes()} with explicit keys needs: the secret then goes on the
   * installer's command line, where other local users may see it.
   */
  public boolean allowSecretOnCommandLine() {
    return allowSecretOnCommandLine;
  }

  /** Follow the initial sync after installing. */
  public boolean watch() {
    return watch;
  }

  /** An IAM endpoint other than the global one, used when initializing MGN. */
  public Optional<URI> iamEndpoint() {
    return iamEndpoint;
  }

  /** An STS endpoint other than the regional one, used when initializing MGN. */
  public Optional<URI> stsEndpoint() {
    return stsEndpoint;
  }

  /** An EC2 endpoint other than the regional one, used when initializing MGN. */
  public Optional<URI> ec2Endpoint() {
    return ec2Endpoint;
  }

  /**
   * The staging-area subnet of the replication template that initialization creates; by default the
   * default VPC's default subnet in the first Availability Zone.
   */
  public Optional<String> stagingSubnetId() {
    return stagingSubnetId;
  }

  /** Whether any credential was given explicitly. */
  public boolean hasExplicitKeys() {
    return accessKeyId.isPresent() && secretAccessKey.isPresent();
  }

  /** Equal when every value is; secrets are compared by identity, never revealed. */
  @Override
  public boolean equals(Object o) {
    return o instanceof InstallRequest other
        && region.equals(other.region)
        && accessKeyId.equals(other.accessKeyId)
        && secretAccessKey.equals(other.secretAccessKey)
        && sessionToken.equals(other.sessionToken)
        && profile.equals(other.profile)
        && selection.equals(other.selection)
        && tags.equals(other.tags)
        && s3Endpoint.equals(other.s3Endpoint)
        && endpoint.equals(other.endpoint)
        && userProvidedId.equals(other.userProvidedId)
        && noReplication == other.noReplication
        && dualstack == other.dualstack
        && flavor == other.flavor
        && initializeService == other.initializeService
        && skipPreflight == other.skipPreflight
        && allowSecretOnCommandLine == other.allowSecretOnCommandLine
        && watch == other.watch
        && iamEndpoint.equals(other.iamEndpoint)
        && stsEndpoint.equals(other.stsEndpoint)
        && ec2Endpoint.equals(other.ec2Endpoint)
        && stagingSubnetId.equals(other.stagingSubnetId)
        && installerSha512.equals(other.installerSha512)
        && sandbox == other.sandbox;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        region,
        accessKeyId,
        secretAccessKey,
        sessionToken,
        profile,
        selection,
        tags,
        s3Endpoint,
        endpoint,
        userProvidedId,
        noReplication,
        dualstack,
        flavor,
        initializeService,
        skipPreflight,
        allowSecretOnCommandLine,
        watch,
        iamEndpoint,
        stsEndpoint,
        ec2Endpoint,
        stagingSubnetId,
        installerSha512,
        sandbox);
  }

  /** Every value, secrets as {@code ****}. */
  @Override
  public String toString() {
    return "InstallRequest[region="
        + region
        + ", accessKeyId="
        + accessKeyId
        + ", secretAccessKey="
        + secretAccessKey
        + ", sessionToken="
        + sessionToken
        + ", profile="
        + profile
        + ", selection="
        + selection
        + ", tags="
        + tags
        + ", s3Endpoint="
        + s3Endpoint
        + ", endpoint="
        + endpoint
        + ", userProvidedId="
        + userProvidedId
        + ", noReplication="
        + noReplication
        + ", dualstack="
        + dualstack
        + ", flavor="
        + flavor
        + ", initializeService="
        + initializeService
        + ", skipPreflight="
        + skipPreflight
        + ", allowSecretOnCommandLine="
        + allowSecretOnCommandLine
        + ", watch="
        + watch
        + ", iamEndpoint="
        + iamEndpoint
        + ", stsEndpoint="
        + stsEndpoint
        + ", ec2Endpoint="
        + ec2Endpoint
        + ", stagingSubnetId="
        + stagingSubnetId
        + ", installerSha512="
        + installerSha512
        + ", sandbox="
        + sandbox
        + "]";
  }

  /**
   * Collects an {@link InstallRequest}; only the region is required. Setters take no nulls; a value
   * is checked by {@link #build()}. Not thread-safe.
   */
  public static final class Builder {
    private Region region;
    private String accessKeyId;
    private Secret secretAccessKey;
    private Secret sessionToken;
    private String profile;
    private String devices;
    private boolean forceVolumes;
    private boolean noPrompt;
    private Tags tags = Tags.empty();
    private URI s3Endpoint;
    private URI endpoint;
    private String userProvidedId;
    private boolean noReplication;
    private boolean dualstack;
    private InstallerFlavor flavor = InstallerFlavor.BINARY;
    private boolean initializeService;
    private boolean skipPreflight;
    private boolean allowSecretOnCommandLine;
    private boolean watch;
    private URI iamEndpoint;
    private URI stsEndpoint;
    private URI ec2Endpoint;
    private String stagingSubnetId;
    private String installerSha512;
    private boolean sandbox;

    private Builder() {}

    private Builder(InstallRequest r) {
      this.region = r.region;
      this.accessKeyId = r.accessKeyId.orElse(null);
      this.secretAccessKey = r.secretAccessKey.orElse(null);
      this.sessionToken = r.sessionToken.orElse(null);
      this.profile = r.profile.orElse(null);
      this.devices = r.selection.devices().orElse(null);
      this.forceVolumes = r.selection.forceVolumes();
      this.noPrompt = r.selection.noPrompt();
      this.tags = r.tags;
      this.s3Endpoint = r.s3Endpoint.orElse(null);
      this.endpoint = r.endpoint.orElse(null);
      this.userProvidedId = r.userProvidedId.orElse(null);
      this.noReplication = r.noReplication;
      this.dualstack = r.dualstack;
      this.flavor = r.flavor;
      this.initializeService = r.initializeService;
      this.skipPreflight = r.skipPreflight;
      this.allowSecretOnCommandLine = r.allowSecretOnCommandLine;
      this.watch = r.watch;
      this.iamEndpoint = r.iamEndpoint.orElse(null);
      this.stsEndpoint = r.stsEndpoint.orElse(null);
      this.ec2Endpoint = r.ec2Endpoint.orElse(null);
      this.stagingSubnetId = r.stagingSubnetId.orElse(null);
      this.installerSha512 = r.installerSha512.orElse(null);
      this.sandbox = r.sandbox;
    }

    /** Where to register the server (required). */
    public Builder region(Region region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /** The installer's access key ID (16 to 128 upper-case letters and digits). */
    public Builder accessKeyId(String accessKeyId) {
      this.accessKeyId = Objects.requireNonNull(accessKeyId, "accessKeyId");
      return this;
    }

    /** The secret access key; needs {@link #accessKeyId(String)}. */
    public Builder secretAccessKey(Secret secretAccessKey) {
      this.secretAccessKey = Objects.requireNonNull(secretAccessKey, "secretAccessKey");
      return this;
    }

    /** The session token of temporary credentials; needs the key ID and the secret. */
    public Builder sessionToken(Secret sessionToken) {
      this.sessionToken = Objects.requireNonNull(sessionToken, "sessionToken");
      return this;
    }

    /** A named profile to take the credentials from. */
    public Builder profile(String profile) {
      this.profile = Objects.requireNonNull(profile, "profile");
      return this;
    }

    /** The comma-separated disks to replicate (default: every disk). */
    public Builder devices(String devices) {
      this.devices = Objects.requireNonNull(devices, "devices");
      return this;
    }

    /** Pass the listed paths as given; needs {@link #noPrompt(boolean)} and devices. */
    public Builder forceVolumes(boolean forceVolumes) {
      this.forceVolumes = forceVolumes;
      return this;
    }

    /** Run the installer without prompts. */
    public Builder noPrompt(boolean noPrompt) {
      this.noPrompt = noPrompt;
      return this;
    }

    /** Resource tags for a new source server (default: none). */
    public Builder tags(Tags tags) {
      this.tags = Objects.requireNonNull(tags, "tags");
      return this;
    }

    /** An S3 endpoint to download the installer through. */
    public Builder s3Endpoint(URI s3Endpoint) {
      this.s3Endpoint = Objects.requireNonNull(s3Endpoint, "s3Endpoint");
      return this;
    }

    /** An MGN endpoint other than the regional one. */
    public Builder endpoint(URI endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    /** An ID of the caller's own for the source server (one line of printable ASCII). */
    public Builder userProvidedId(String userProvidedId) {
      this.userProvidedId = Objects.requireNonNull(userProvidedId, "userProvidedId");
      return this;
    }

    /** Install without starting replication. */
    public Builder noReplication(boolean noReplication) {
      this.noReplication = noReplication;
      return this;
    }

    /** Reach MGN over its dual-stack endpoint; needs {@link #endpoint(URI)}. */
    public Builder dualstack(boolean dualstack) {
      this.dualstack = dualstack;
      return this;
    }

    /** The binary installer (default) or the Python one. */
    public Builder flavor(InstallerFlavor flavor) {
      this.flavor = Objects.requireNonNull(flavor, "flavor");
      return this;
    }

    /** Initialize MGN in the region when it is not. */
    public Builder initializeService(boolean initializeService) {
      this.initializeService = initializeService;
      return this;
    }

    /**
     * Pins the installer's SHA-512 (128 hexadecimal characters, either case).
     *
     * @throws InvalidRequestException when it is not a SHA-512 digest
     */
    public Builder installerSha512(String hex) {
      String h = Objects.requireNonNull(hex, "installerSha512").strip();
      if (!h.matches("[0-9a-fA-F]{128}")) {
        throw new InvalidRequestException(
            "installerSha512",
            "the pinned installer digest is not a SHA-512 digest (128 hexadecimal characters)");
      }
      this.installerSha512 = h.toLowerCase(java.util.Locale.ROOT);
      return this;
    }

    /**
     * The endpoints are a sandbox's fakes the caller started (see {@link
     * InstallRequest#sandbox()}).
     */
    public Builder sandbox(boolean sandbox) {
      this.sandbox = sandbox;
      return this;
    }

    /** Go on even when a preflight check fails. */
    public Builder skipPreflight(boolean skipPreflight) {
      this.skipPreflight = skipPreflight;
      return this;
    }

    /** Accept the secret on the installer's command line, which forced volumes need. */
    public Builder allowSecretOnCommandLine(boolean allow) {
      this.allowSecretOnCommandLine = allow;
      return this;
    }

    /** Follow the initial sync after installing. */
    public Builder watch(boolean watch) {
      this.watch = watch;
      return this;
    }

    /** An IAM endpoint other than the global one, for initializing MGN. */
    public Builder iamEndpoint(URI iamEndpoint) {
      this.iamEndpoint = Objects.requireNonNull(iamEndpoint, "iamEndpoint");
      return this;
    }

    /** An STS endpoint other than the regional one, for initializing MGN. */
    public Builder stsEndpoint(URI stsEndpoint) {
      this.stsEndpoint = Objects.requireNonNull(stsEndpoint, "stsEndpoint");
      return this;
    }

    /** An EC2 endpoint other than the regional one, for initializing MGN. */
    public Builder ec2Endpoint(URI ec2Endpoint) {
      this.ec2Endpoint = Objects.requireNonNull(ec2Endpoint, "ec2Endpoint");
      return this;
    }

    /** The staging-area subnet ({@code subnet-...}) of a replication template to create. */
    public Builder stagingSubnetId(String stagingSubnetId) {
      this.stagingSubnetId = Objects.requireNonNull(stagingSubnetId, "stagingSubnetId");
      return this;
    }

    /**
     * The request, every value checked.
     *
     * @throws InvalidRequestException naming the first offending value by its builder name
     */
    public InstallRequest build() {
      if (region == null) {
        throw new InvalidRequestException(
            "region", "region: no region given; name one such as" + " us-east-1");
      }
      Regions.requireWellFormed("region", region.id());
      if (accessKeyId != null && !ACCESS_KEY_ID.matcher(accessKeyId).matches()) {
        throw new InvalidRequestException(
            "accessKeyId",
            "accessKeyId "
                + Shown.quoted(accessKeyId)
                + " is not an access key ID (16 to 128 upper-case letters and digits)");
      }
      if (secretAccessKey != null && accessKeyId == null) {
        throw new InvalidRequestException("secretAccessKey", "secretAccessKey needs accessKeyId");
      }
      if (secretAccessKey != null) {
        requireSecretShape("secretAccessKey", secretAccessKey, MAX_SECRET);
      }
      if (sessionToken != null) {
        requireSecretShape("sessionToken", sessionToken, MAX_SESSION_TOKEN);
      }
      if (sessionToken != null && secretAccessKey == null) {
        throw new InvalidRequestException(
            "sessionToken", "sessionToken needs accessKeyId and secretAccessKey");
      }
      SelectionRequest selection =
          new SelectionRequest(Optional.ofNullable(devices), forceVolumes, noPrompt);
      if (dualstack && endpoint == null) {
        throw new InvalidRequestException(
            "dualstack",
            "dualstack needs an endpoint, MGN's"
                + " dual-stack endpoint (mgn.dualstack."
                + region.id()
                + ".amazonaws.com)");
      }
      if (userProvidedId != null && userProvidedId.isBlank()) {
        throw new InvalidRequestException("userProvidedId", "userProvidedId is empty");
      }
      if (userProvidedId != null) {
        requireOneLine("userProvidedId", userProvidedId);
        RegistrationRequest.userProvidedIdProblem(userProvidedId)
            .ifPresent(
                problem -> {
                  throw new InvalidRequestException("userProvidedId", "userProvidedId " + problem);
                });
      }
      if (profile != null) {
        requireOneLine("profile", profile);
      }
      if (forceVolumes && !allowSecretOnCommandLine && accessKeyId != null) {
        throw new InvalidRequestException(
            "forceVolumes",
            "forceVolumes runs the installer"
                + " without prompts, so the secret key would go on its command line, where other"
                + " users of this server can see it; set allowSecretOnCommandLine to accept that");
      }
      if (s3Endpoint != null
          && "http".equalsIgnoreCase(s3Endpoint.getScheme())
          && !sandbox
          && installerSha512 == null) {
        // the installer and its digest would both come from one unauthenticated port: anyone
        // who can bind it chooses what runs as root
        throw new InvalidRequestException(
            "s3Endpoint",
            "s3Endpoint "
                + s3Endpoint
                + " is plain"
                + " http: the installer and its digest would come unauthenticated from the same"
                + " place; pin the installer's SHA-512 (installerSha512) or use a sandbox");
      }
      return new InstallRequest(this, selection);
    }

    /** A secret is never shown, not even in part: the message says only what is wrong with it. */
    private static void requireSecretShape(String name, Secret secret, int maxLength) {
      String value = secret.reveal();
      if (value.isEmpty()) {
        throw new InvalidRequestException(name, name + " is empty");
      }
      if (value.length() > maxLength) {
        throw new InvalidRequestException(
            name,
            name
                + " is "
                + value.length()
                + " characters long; at most "
                + maxLength
                + " are accepted (value not shown)");
      }
      if (!value.chars().allMatch(c -> c > 0x20 && c <= 0x7e)) {
        throw new InvalidRequestException(
            name,
            name
                + " holds a space, a control character or"
                + " a non-ASCII character, which AWS keys never do (value not shown)");
      }
    }

    private static void requireOneLine(String name, String value) {
      if (value.length() > MAX_TEXT || !Shown.isPrintableAscii(value)) {
        throw new InvalidRequestException(
            name,
            name
                + " "
                + Shown.quoted(value)
                + " must be at most "
                + MAX_TEXT
                + " printable ASCII characters");
      }
    }
  }
}
