package dev.mgnagent.credentials;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.ProxyRoute;
import dev.mgnagent.Regions;
import dev.mgnagent.Secret;
import dev.mgnagent.Shown;
import dev.mgnagent.installer.RegistrarSettings;
import dev.mgnagent.mgn.internal.AwsHttp;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * Mints short-lived install credentials with STS {@code AssumeRole}: the operator's credentials
 * assume a role, with the managed session policy {@value #INSTALLATION_POLICY_ARN}, so that the
 * keys typed into an installer can do no more than install an agent, and stop working after at most
 * an hour.
 *
 * <pre>{@code
 * try (AssumeRoleMinter minter =
 *     AssumeRoleMinter.builder()
 *         .roleArn("arn:aws:iam::111122223333:role/mgn-install")
 *         .region(Region.EU_WEST_3)
 *         .credentials(operatorCredentials)
 *         .build()) {
 *   TemporaryCredentials keys = minter.current(); // before each host (or each batch) starts
 * }
 * }</pre>
 *
 * <p>{@link #current()} applies the refresh rule: it returns the set it minted last unless that set
 * expires within the installer timeout plus {@link #REFRESH_MARGIN}, in which case it mints a new
 * one. A set handed out is thus valid for as long as an installer may run with it. When the
 * duration itself is shorter than that window, every call mints a new set.
 *
 * <p>Thread-safe: concurrent callers of {@link #current()} share one set. Close it to release its
 * STS client.
 */
public final class AssumeRoleMinter implements AutoCloseable {

  /** The AWS managed policy every minted set is limited to (a session policy). */
  public static final String INSTALLATION_POLICY_ARN =
      "arn:aws:iam::aws:policy/AWSApplicationMigrationAgentInstallationPolicy";

  /** The shortest session STS grants. */
  public static final Duration MIN_DURATION = Duration.ofSeconds(900);

  /** The longest session this minter asks for. */
  public static final Duration MAX_DURATION = Duration.ofSeconds(3600);

  /** What a set must outlive beyond the installer timeout to be handed out again. */
  public static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

  /** The role session name used unless another is given (it shows in CloudTrail). */
  public static final String DEFAULT_SESSION_NAME = "mgn-agent-install";

  private static final Pattern ROLE_ARN =
      Pattern.compile("arn:aws(-cn|-us-gov)?:iam::[0-9]{12}:role/[\\w+=,.@/-]{1,512}");
  private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

  private final String roleArn;
  private final Duration duration;
  private final String sessionName;
  private final Duration refreshWindow;
  private final Clock clock;
  private final StsClient sts;
  private TemporaryCredentials current;

  private AssumeRoleMinter(Builder b, StsClient sts) {
    this.roleArn = b.roleArn;
    this.duration = b.duration;
    this.sessionName = b.sessionName;
    this.refreshWindow = b.installerTimeout.plus(REFRESH_MARGIN);
    this.clock = b.clock;
    this.sts = sts;
  }

  /** A builder; role ARN, region and the operator's credentials are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The set to hand to the next installer: the last one minted, or a new one when that expires
   * within the installer timeout plus {@link #REFRESH_MARGIN} (by this minter's clock).
   *
   * @throws AssumeRoleException when STS refuses or cannot be reached
   */
  public synchronized TemporaryCredentials current() {
    if (current == null || current.expiresWithin(refreshWindow, clock.instant())) {
      current = mint();
    }
    return current;
  }

  /**
   * A new set, whatever the last one was (it does not replace the set {@link #current()} hands
   * out).
   *
   * @throws AssumeRoleException when STS refuses or cannot be reached
   */
  public TemporaryCredentials mint() {
    AssumeRoleResponse response;
    try {
      response =
          sts.assumeRole(
              r ->
                  r.roleArn(roleArn)
                      .roleSessionName(sessionName)
                      .durationSeconds((int) duration.getSeconds())
                      .policyArns(
                          PolicyDescriptorType.builder().arn(INSTALLATION_POLICY_ARN).build()));
    } catch (StsException e) {
      String code =
          e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
              ? "UNKNOWN"
              : e.awsErrorDetails().errorCode();
      String message =
          e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
              ? "no details"
              : e.awsErrorDetails().errorMessage();
      throw new AssumeRoleException(
          code,
          "STS refused AssumeRole of "
              + roleArn
              + ": "
              + code
              + ": "
              + message
              + " (check that the role trusts these credentials, that its maximum session"
              + " duration allows "
              + duration.getSeconds()
              + " seconds and that the caller may pass the session policy)",
          null);
    } catch (SdkClientException e) {
      throw new AssumeRoleException(
          "NETWORK", "cannot reach STS to assume " + roleArn + ": " + e.getMessage(), null);
    }
    Credentials c = response.credentials();
    if (c == null
        || c.accessKeyId() == null
        || c.secretAccessKey() == null
        || c.sessionToken() == null
        || c.expiration() == null) {
      throw new AssumeRoleException(
          "INCOMPLETE_RESPONSE",
          "STS answered AssumeRole of " + roleArn + " without credentials",
          null);
    }
    return new TemporaryCredentials(
        c.accessKeyId(),
        Secret.of(c.secretAccessKey()),
        Secret.of(c.sessionToken()),
        c.expiration());
  }

  /** The role assumed. */
  public String roleArn() {
    return roleArn;
  }

  /** The session duration asked for. */
  public Duration duration() {
    return duration;
  }

  /** The installer timeout plus {@link #REFRESH_MARGIN}: how long a handed-out set must last. */
  public Duration refreshWindow() {
    return refreshWindow;
  }

  @Override
  public void close() {
    sts.close();
  }

  @Override
  public String toString() {
    return "AssumeRoleMinter[" + roleArn + ", " + duration.getSeconds() + " s]";
  }

  /** Configures an {@link AssumeRoleMinter}. Not thread-safe. */
  public static final class Builder {
    private String roleArn;
    private Duration duration = MAX_DURATION;
    private String sessionName = DEFAULT_SESSION_NAME;
    private Duration installerTimeout = RegistrarSettings.defaults().installerTimeout();
    private Clock clock = Clock.systemUTC();
    private Region region;
    private URI stsEndpoint;
    private AwsCredentialsProvider credentials;
    private Map<String, String> environment = Map.of();

    private Builder() {}

    /** The role to assume, {@code arn:aws:iam::<account>:role/<name>} (required). */
    public Builder roleArn(String roleArn) {
      this.roleArn = Objects.requireNonNull(roleArn, "roleArn");
      return this;
    }

    /** The session duration, 900 to 3600 seconds (default 3600). */
    public Builder duration(Duration duration) {
      this.duration = Objects.requireNonNull(duration, "duration");
      return this;
    }

    /** The role session name: 2 to 64 of letters, digits and {@code _+=,.@-}. */
    public Builder roleSessionName(String sessionName) {
      this.sessionName = Objects.requireNonNull(sessionName, "roleSessionName");
      return this;
    }

    /**
     * The longest an installer runs with a set (default: that of {@link
     * RegistrarSettings#defaults()}); see {@link AssumeRoleMinter#current()}.
     */
    public Builder installerTimeout(Duration installerTimeout) {
      this.installerTimeout = Objects.requireNonNull(installerTimeout, "installerTimeout");
      return this;
    }

    /** Tells the time for the refresh rule (default: the system's UTC clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The region whose STS endpoint is called (required). */
    public Builder region(Region region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /** Another STS endpoint (a VPC endpoint, a test double); default: the region's. */
    public Builder stsEndpoint(URI stsEndpoint) {
      this.stsEndpoint = Objects.requireNonNull(stsEndpoint, "stsEndpoint");
      return this;
    }

    /** The operator's credentials, which assume the role (required). */
    public Builder credentials(AwsCredentialsProvider credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /** This machine's environment: its {@code https_proxy}/{@code no_proxy} route STS calls. */
    public Builder localEnvironment(Map<String, String> environment) {
      this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
      return this;
    }

    /**
     * The minter, every value checked; nothing is sent yet.
     *
     * @throws InvalidRequestException naming the first wrong or missing value
     */
    public AssumeRoleMinter build() {
      if (roleArn == null) {
        throw new InvalidRequestException("roleArn", "roleArn: give the role to assume");
      }
      if (!ROLE_ARN.matcher(roleArn).matches()) {
        throw new InvalidRequestException(
            "roleArn",
            "roleArn "
                + Shown.quoted(roleArn)
                + " is not an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)");
      }
      if (duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0) {
        throw new InvalidRequestException(
            "duration",
            "duration "
                + duration.getSeconds()
                + " s: give "
                + MIN_DURATION.getSeconds()
                + " to "
                + MAX_DURATION.getSeconds()
                + " seconds");
      }
      if (duration.getNano() != 0) {
        throw new InvalidRequestException("duration", "duration: give whole seconds");
      }
      if (!SESSION_NAME.matcher(sessionName).matches()) {
        throw new InvalidRequestException(
            "roleSessionName",
            "roleSessionName "
                + Shown.quoted(sessionName)
                + " is not 2 to 64 letters, digits and _+=,.@-");
      }
      if (installerTimeout.isNegative() || installerTimeout.isZero()) {
        throw new InvalidRequestException(
            "installerTimeout", "installerTimeout must be positive: " + installerTimeout);
      }
      if (region == null) {
        throw new InvalidRequestException("region", "region: give the region whose STS to call");
      }
      Regions.requireWellFormed("region", region.id());
      if (credentials == null) {
        throw new InvalidRequestException(
            "credentials", "credentials: give the credentials that assume the role");
      }
      Optional<URI> endpoint = Optional.ofNullable(stsEndpoint);
      StsClientBuilder sts =
          StsClient.builder()
              .region(region)
              .credentialsProvider(credentials)
              .httpClientBuilder(
                  AwsHttp.httpClient(ProxyRoute.fromEnvironment(environment), endpoint))
              .overrideConfiguration(
                  c ->
                      c.apiCallAttemptTimeout(AwsHttp.ATTEMPT_TIMEOUT)
                          .apiCallTimeout(AwsHttp.CALL_TIMEOUT));
      endpoint.ifPresent(sts::endpointOverride);
      return new AssumeRoleMinter(this, sts.build());
    }
  }
}
