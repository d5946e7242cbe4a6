package dev.mgnagent.cli.fleet;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.ExitCodes;
import dev.mgnagent.cli.SignalStop;
import dev.mgnagent.credentials.AssumeRoleMinter;
import dev.mgnagent.credentials.CredentialsResolver;
import dev.mgnagent.credentials.TemporaryCredentials;
import dev.mgnagent.event.EventListener;
import dev.mgnagent.fleet.FailureLimit;
import dev.mgnagent.fleet.FleetHostFinished;
import dev.mgnagent.fleet.FleetProgress;
import dev.mgnagent.fleet.FleetResult;
import dev.mgnagent.fleet.HostOutcome;
import dev.mgnagent.fleet.HostStatus;
import dev.mgnagent.fleet.RunningFleet;
import dev.mgnagent.fleet.ssm.InstallCredentials;
import dev.mgnagent.fleet.ssm.LongLivedCredentialsException;
import dev.mgnagent.fleet.ssm.SsmFleetInstallation;
import dev.mgnagent.fleet.ssm.SsmTargets;
import dev.mgnagent.install.InstallRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The {@code fleet install --ssm} path: the nodes come from {@code --instance-ids} or {@code
 * --targets}, the SSM client uses the operator's own credentials (profile or environment), and the
 * installers' credentials must be short-lived.
 *
 * <p>With {@code --install-role-arn} each batch gets a new set minted with STS AssumeRole, and the
 * operator's keys sign only the STS and SSM calls; without it, the installers' temporary keys come
 * from {@code --aws-access-key-id} and {@code --aws-secret-access-key-stdin} (key, then session
 * token), which is what the sandbox gives.
 */
final class SsmFleetRun {

  private final CliContext context;
  private final SsmOptions options;
  private final InstallRequest request;
  private final int parallel;
  private final FailureLimit limit;
  private final Optional<String> profile;
  private final Optional<Path> results;
  private final boolean json;
  private final Optional<AssumeRoleMinter> minter;
  private final boolean dryRun;

  SsmFleetRun(
      CliContext context,
      SsmOptions options,
      InstallRequest request,
      int parallel,
      FailureLimit limit,
      Optional<String> profile,
      Optional<Path> results,
      boolean json,
      Optional<AssumeRoleMinter> minter,
      boolean dryRun) {
    this.context = context;
    this.options = options;
    this.request = request;
    this.parallel = parallel;
    this.limit = limit;
    this.profile = profile;
    this.results = results;
    this.json = json;
    this.minter = minter;
    this.dryRun = dryRun;
  }

  /** The targets, checked. */
  static SsmTargets targets(SsmOptions options) {
    boolean ids = !options.instanceIds.isEmpty();
    if (ids == (options.targets != null)) {
      throw new InvalidRequestException(
          "--instance-ids",
          "--ssm needs exactly one of --instance-ids ID,... and --targets tag:KEY=VALUE");
    }
    try {
      return ids
          ? SsmTargets.instanceIds(options.instanceIds)
          : SsmTargets.parseTag(options.targets);
    } catch (InvalidRequestException e) {
      String flag = ids ? "--instance-ids" : "--targets";
      throw new InvalidRequestException(flag, flag + ": " + e.getMessage());
    }
  }

  int run(PrintWriter out, PrintWriter err) {
    if (parallel < 1 || parallel > 1000) {
      throw new InvalidRequestException(
          "--parallel", "--parallel " + parallel + ": give a number of nodes from 1 to 1000");
    }
    SsmTargets targets = targets(options);
    InstallCredentials credentials = installCredentials();
    if (dryRun) {
      String keyId =
          minter.isPresent()
              ? "ASIA(minted per batch)"
              : request.accessKeyId().orElse("ASIA(minted per batch)");
      out.println(
          String.join("\n", dev.mgnagent.fleet.ssm.SsmInstallScript.of(request).preview(keyId)));
      out.flush();
      return ExitCodes.OK;
    }
    try (SsmClient client = client()) {
      SsmFleetInstallation.Builder builder =
          SsmFleetInstallation.builder()
              .ssm(client)
              .targets(targets)
              .request(request)
              .credentials(credentials)
              .parallel(parallel)
              .maxFailures(limit)
              .sleeper(context.sleeper())
              .clock(context.clock());
      if (options.executionTimeout != null) {
        builder.executionTimeout(seconds("--execution-timeout", options.executionTimeout));
      }
      if (options.deliveryTimeout != null) {
        builder.deliveryTimeout(seconds("--delivery-timeout", options.deliveryTimeout));
      }
      if (options.outputS3Bucket != null) {
        builder.outputS3Bucket(options.outputS3Bucket);
      }
      SsmFleetInstallation fleet = builder.build();
      AtomicReference<RunningFleet> started = new AtomicReference<>();
      try (SignalStop signals =
          SignalStop.on(
              () -> {
                RunningFleet running = started.get();
                if (running != null) {
                  running.cancel();
                }
              })) {
        RunningFleet running = fleet.start();
        started.set(running);
        FleetResult result;
        try {
          result = running.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          running.cancel();
          return ExitCodes.FAILED;
        }
        report(out, result);
        if (signals.received().isPresent()) {
          err.println(
              signals.line(
                  "nothing more was sent; the running invocations were cancelled (CancelCommand)"
                      + " and are CANCELLED"));
          return signals.exitCode();
        }
        return result.allInstalled() ? ExitCodes.OK : ExitCodes.FAILED;
      } catch (LongLivedCredentialsException e) {
        throw new InvalidRequestException("--aws-access-key-id", e.getMessage());
      }
    }
  }

  private void report(PrintWriter out, FleetResult result) {
    EventListener view = json ? new FleetJson(out) : new FleetLines(out);
    int total = result.outcomes().size();
    int done = 0;
    int[] counts = new int[HostStatus.values().length];
    try (ResultsFile file = results.map(ResultsFile::create).orElse(null)) {
      for (HostOutcome outcome : result.outcomes()) {
        done++;
        counts[outcome.status().ordinal()]++;
        FleetProgress progress =
            new FleetProgress(
                total,
                total - done,
                0,
                counts[HostStatus.INSTALLED.ordinal()],
                counts[HostStatus.FAILED.ordinal()],
                counts[HostStatus.UNREACHABLE.ordinal()],
                counts[HostStatus.SKIPPED.ordinal()],
                counts[HostStatus.CANCELLED.ordinal()]);
        view.onEvent(new FleetHostFinished(outcome, progress));
        if (file != null) {
          file.write(outcome);
        }
      }
    }
    if (json) {
      FleetJson.result(out, result);
    } else {
      FleetLines.summary(out, result);
    }
    out.flush();
  }

  private static Duration seconds(String flag, int value) {
    try {
      return Duration.ofSeconds(value);
    } catch (ArithmeticException e) {
      throw new InvalidRequestException(flag, flag + " " + value + ": not a number of seconds");
    }
  }

  private InstallCredentials installCredentials() {
    if (minter.isPresent()) {
      AssumeRoleMinter role = minter.get();
      return mustLast -> {
        if (role.duration().compareTo(mustLast) < 0) {
          throw new InvalidRequestException(
              "--role-duration",
              "--role-duration "
                  + role.duration().toSeconds()
                  + ": a batch's credentials must last its delivery and execution timeouts ("
                  + mustLast.toSeconds()
                  + " s); give a longer duration or shorter timeouts");
        }
        TemporaryCredentials minted = role.mint();
        return AwsSessionCredentials.create(
            minted.accessKeyId(),
            minted.secretAccessKey().reveal(),
            minted.sessionToken().reveal());
      };
    }
    if (request.accessKeyId().isEmpty() || request.secretAccessKey().isEmpty()) {
      throw new InvalidRequestException(
          "--install-role-arn",
          "--ssm needs short-lived credentials for the installers: --install-role-arn, or"
              + " temporary keys with --aws-access-key-id and --aws-secret-access-key-stdin");
    }
    AwsCredentials given =
        request.sessionToken().isPresent()
            ? AwsSessionCredentials.create(
                request.accessKeyId().get(),
                request.secretAccessKey().get().reveal(),
                request.sessionToken().get().reveal())
            : AwsBasicCredentials.create(
                request.accessKeyId().get(), request.secretAccessKey().get().reveal());
    try {
      dev.mgnagent.fleet.ssm.SsmInstallScript.requireShortLived(given);
    } catch (LongLivedCredentialsException e) {
      throw new InvalidRequestException("--aws-access-key-id", e.getMessage());
    }
    return mustLast -> given;
  }

  private SsmClient client() {
    CredentialsResolver.Builder resolver =
        CredentialsResolver.builder().environment(context.environment());
    profile.ifPresent(resolver::profile);
    if (minter.isPresent()) {
      // the request's keys are the operator's: they sign the SSM calls too
      request.accessKeyId().ifPresent(resolver::accessKeyId);
      request.secretAccessKey().ifPresent(resolver::secretAccessKey);
      request.sessionToken().ifPresent(resolver::sessionToken);
    }
    software.amazon.awssdk.services.ssm.SsmClientBuilder builder =
        SsmClient.builder()
            .region(Region.of(request.region().id()))
            .credentialsProvider(resolver.build().resolve().provider())
            .httpClient(UrlConnectionHttpClient.create());
    if (options.ssmEndpoint != null) {
      builder.endpointOverride(options.ssmEndpoint);
    }
    return builder.build();
  }
}
