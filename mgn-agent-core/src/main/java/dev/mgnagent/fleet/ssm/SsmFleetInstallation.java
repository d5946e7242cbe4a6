package dev.mgnagent.fleet.ssm;

import dev.mgnagent.Backoff;
import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Sleeper;
import dev.mgnagent.fleet.FailureLimit;
import dev.mgnagent.fleet.FleetInstallation;
import dev.mgnagent.fleet.FleetResult;
import dev.mgnagent.fleet.RunningFleet;
import dev.mgnagent.fleet.ssm.internal.SsmDriver;
import dev.mgnagent.install.InstallRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Installs the agent on managed nodes through Systems Manager Run Command: {@code
 * DescribeInstanceInformation} first (nodes unknown or not online are UNREACHABLE and count toward
 * the failure limit), then {@code SendCommand}s of {@code AWS-RunShellScript} running the {@link
 * SsmInstallScript}, polled with {@code ListCommandInvocations}; each node that ends gets one
 * {@code GetCommandInvocation} for its output and source server ID.
 *
 * <pre>{@code
 * FleetResult result = SsmFleetInstallation.builder()
 *     .ssm(ssmClient)
 *     .targets(SsmTargets.parseTag("tag:Wave=1"))
 *     .request(InstallRequest.builder().region(Region.EU_WEST_3).build())
 *     .credentials(mustLast -> minter.assumeRole(mustLast))
 *     .parallel(50)
 *     .maxFailures(FailureLimit.parse("5%"))
 *     .build()
 *     .install();
 * }</pre>
 *
 * <p>Limits hold for the whole fleet: at most {@code parallel} invocations run at once across all
 * commands. Up to 50 nodes go in one command ({@code MaxConcurrency=parallel}); more are sent in
 * batches of at most 50 as room frees up, each batch sized so that the nodes of unfinished batches
 * never exceed {@code parallel}. Each batch's {@code MaxErrors} is the failure budget that remains,
 * and no batch is sent once it is spent. Systems Manager counts only Failed and Execution Timed Out
 * toward {@code MaxErrors}; the fleet's limit also counts UNREACHABLE nodes (offline, Delivery
 * Timed Out, Undeliverable).
 */
public final class SsmFleetInstallation {

  /** The default delivery timeout ({@code TimeoutSeconds}). */
  public static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofMinutes(10);

  /** The default execution timeout (the document's {@code executionTimeout}). */
  public static final Duration DEFAULT_EXECUTION_TIMEOUT = Duration.ofMinutes(30);

  private final Builder settings;

  private SsmFleetInstallation(Builder settings) {
    this.settings = settings;
  }

  /** A builder; ssm, targets, request and credentials are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Installs on every target and returns when each has its outcome. */
  public FleetResult install() {
    return new SsmDriver(settings.snapshot()).run();
  }

  /** Starts {@link #install()} on a thread of its own; cancelling sends {@code CancelCommand}. */
  public RunningFleet start() {
    return new SsmDriver(settings.snapshot()).start();
  }

  /** The script the nodes run, with the secret key and token masked. */
  public String preview(String accessKeyId) {
    return String.join("\n", SsmInstallScript.of(settings.request).preview(accessKeyId));
  }

  /** Every setting of an SSM fleet install, as the driver reads them. */
  public record Settings(
      SsmClient ssm,
      SsmTargets targets,
      InstallRequest request,
      InstallCredentials credentials,
      int parallel,
      FailureLimit maxFailures,
      Duration deliveryTimeout,
      Duration executionTimeout,
      Optional<String> outputS3Bucket,
      Optional<String> outputS3KeyPrefix,
      Sleeper sleeper,
      Backoff pollBackoff,
      int invocationLookups,
      Clock clock) {}

  /** Configures an {@link SsmFleetInstallation}; each setter checks its value. Not thread-safe. */
  public static final class Builder {
    private SsmClient ssm;
    private SsmTargets targets;
    private InstallRequest request;
    private InstallCredentials credentials;
    private int parallel = FleetInstallation.DEFAULT_PARALLEL;
    private FailureLimit maxFailures = FailureLimit.none();
    private Duration deliveryTimeout = DEFAULT_DELIVERY_TIMEOUT;
    private Duration executionTimeout = DEFAULT_EXECUTION_TIMEOUT;
    private String outputS3Bucket;
    private String outputS3KeyPrefix;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private Backoff pollBackoff =
        Backoff.exponential(Duration.ofSeconds(2), Duration.ofSeconds(30));
    private int invocationLookups = 10;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The Systems Manager client, built with the operator's own credentials (required). */
    public Builder ssm(SsmClient ssm) {
      this.ssm = Objects.requireNonNull(ssm, "ssm");
      return this;
    }

    /** The nodes to install on (required). */
    public Builder targets(SsmTargets targets) {
      this.targets = Objects.requireNonNull(targets, "targets");
      return this;
    }

    /** The install settings (region, tags, installer location...); its credentials are unused. */
    public Builder request(InstallRequest request) {
      this.request = Objects.requireNonNull(request, "request");
      return this;
    }

    /** Where the installers' short-lived credentials come from, once per command (required). */
    public Builder credentials(InstallCredentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /** How many nodes install at once across the fleet, 1 to 1000 (default 10). */
    public Builder parallel(int parallel) {
      if (parallel < 1 || parallel > FleetInstallation.MAX_PARALLEL) {
        throw new InvalidRequestException(
            "parallel",
            "parallel " + parallel + " is not between 1 and " + FleetInstallation.MAX_PARALLEL);
      }
      this.parallel = parallel;
      return this;
    }

    /** How many failed nodes are tolerated before no more are started (default: no limit). */
    public Builder maxFailures(FailureLimit limit) {
      this.maxFailures = Objects.requireNonNull(limit, "limit");
      return this;
    }

    /**
     * How long a node may take to receive the command ({@code TimeoutSeconds}, 30 s to 30 days;
     * default 10 minutes).
     */
    public Builder deliveryTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.getSeconds() < 30 || timeout.getSeconds() > 2_592_000) {
        throw new InvalidRequestException(
            "deliveryTimeout", "the delivery timeout must be 30 seconds to 30 days");
      }
      this.deliveryTimeout = timeout;
      return this;
    }

    /**
     * How long the script may run on a node ({@code executionTimeout}, 1 s to 48 h; default 30
     * minutes).
     */
    public Builder executionTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.getSeconds() < 1 || timeout.getSeconds() > 172_800) {
        throw new InvalidRequestException(
            "executionTimeout", "the execution timeout must be 1 second to 48 hours");
      }
      this.executionTimeout = timeout;
      return this;
    }

    /** An S3 bucket that receives every invocation's full output ({@code OutputS3BucketName}). */
    public Builder outputS3Bucket(String bucket) {
      Objects.requireNonNull(bucket, "bucket");
      if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
        throw new InvalidRequestException(
            "outputS3Bucket", "the bucket name " + bucket + " is not a valid S3 bucket name");
      }
      this.outputS3Bucket = bucket;
      return this;
    }

    /** The key prefix of the S3 output (default none). */
    public Builder outputS3KeyPrefix(String prefix) {
      this.outputS3KeyPrefix = Objects.requireNonNull(prefix, "prefix");
      return this;
    }

    /** Waits between polls (default: the thread sleeps). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * The wait between polls after {@code n} polls that brought nothing new (default 2 s doubling
     * to 30 s); back to the first after a change.
     */
    public Builder pollBackoff(Backoff backoff) {
      this.pollBackoff = Objects.requireNonNull(backoff, "backoff");
      return this;
    }

    /**
     * How many polls in a row a finished node's {@code GetCommandInvocation} may answer {@code
     * InvocationDoesNotExist} before the list's shorter output is used instead (default 10).
     */
    public Builder invocationLookups(int lookups) {
      if (lookups < 1) {
        throw new InvalidRequestException("invocationLookups", "at least one lookup is needed");
      }
      this.invocationLookups = lookups;
      return this;
    }

    /** The clock durations are measured with (default: the system's). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The installation.
     *
     * @throws InvalidRequestException when a required setting is missing
     */
    public SsmFleetInstallation build() {
      if (ssm == null) {
        throw new InvalidRequestException("ssm", "an SSM fleet install needs an SSM client");
      }
      if (targets == null) {
        throw new InvalidRequestException(
            "targets", "an SSM fleet install needs instance IDs or a tag target");
      }
      if (request == null) {
        throw new InvalidRequestException("request", "an SSM fleet install needs a request");
      }
      if (credentials == null) {
        throw new InvalidRequestException(
            "credentials",
            "an SSM fleet install needs short-lived credentials for the installers (an install"
                + " role to assume)");
      }
      SsmInstallScript.of(request).preview("ASIAPREVIEW");
      return new SsmFleetInstallation(this);
    }

    Settings snapshot() {
      return new Settings(
          ssm,
          targets,
          request,
          credentials,
          parallel,
          maxFailures,
          deliveryTimeout,
          executionTimeout,
          Optional.ofNullable(outputS3Bucket),
          Optional.ofNullable(outputS3KeyPrefix),
          sleeper,
          pollBackoff,
          invocationLookups,
          clock);
    }
  }
}
