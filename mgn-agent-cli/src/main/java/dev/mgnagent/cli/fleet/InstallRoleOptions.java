package dev.mgnagent.cli.fleet;

import dev.mgnagent.Endpoints;
import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.credentials.AssumeRoleMinter;
import dev.mgnagent.credentials.CredentialsResolver;
import dev.mgnagent.fleet.FleetInstallation;
import dev.mgnagent.install.InstallRequest;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --install-role-arn}, {@code --role-duration} and {@code --sts-endpoint} of {@code fleet
 * install}: the installers get short-lived keys from STS {@code AssumeRole} (limited to the MGN
 * agent installation policy) instead of the operator's.
 */
public final class InstallRoleOptions {

  @Option(
      names = "--install-role-arn",
      paramLabel = "ARN",
      description =
          "Type short-lived keys of this role into every installer instead of yours: they come"
              + " from STS AssumeRole with the session policy"
              + " AWSApplicationMigrationAgentInstallationPolicy, and a new set is taken before a"
              + " host starts whenever the current one would expire within the installer timeout"
              + " plus 5 minutes.")
  String roleArn;

  @Option(
      names = "--role-duration",
      paramLabel = "SECONDS",
      description = "How long each set of role keys lasts, 900 to 3600 seconds (default: 3600).")
  Integer durationSeconds;

  @Option(
      names = "--sts-endpoint",
      paramLabel = "URL",
      description =
          "An STS endpoint other than the region's (a VPC endpoint) for --install-role-arn;"
              + " http:// only for loopback.")
  String stsEndpoint;

  /**
   * The minter for {@code --install-role-arn}, empty without it; its STS calls are made with the
   * request's own credentials. Nothing is sent yet.
   *
   * @throws InvalidRequestException naming the flag of a wrong value
   */
  Optional<AssumeRoleMinter> minter(InstallRequest request, Map<String, String> environment) {
    if (roleArn == null) {
      if (durationSeconds != null) {
        throw new InvalidRequestException(
            "--role-duration", "--role-duration needs --install-role-arn");
      }
      if (stsEndpoint != null) {
        throw new InvalidRequestException(
            "--sts-endpoint", "--sts-endpoint needs --install-role-arn");
      }
      return Optional.empty();
    }
    String region = request.region().id();
    Optional<URI> endpoint =
        Optional.ofNullable(stsEndpoint)
            .map(
                e ->
                    Endpoints.parse(
                        "--sts-endpoint",
                        "STS endpoint",
                        "vpce-0123-abcd.sts." + region + ".vpce.amazonaws.com",
                        e));
    CredentialsResolver.Builder operator = CredentialsResolver.builder().environment(environment);
    request.accessKeyId().ifPresent(operator::accessKeyId);
    request.secretAccessKey().ifPresent(operator::secretAccessKey);
    request.sessionToken().ifPresent(operator::sessionToken);
    request.profile().ifPresent(operator::profile);
    AssumeRoleMinter.Builder minter =
        AssumeRoleMinter.builder()
            .roleArn(roleArn)
            .region(request.region())
            .credentials(operator.build().resolve().provider())
            .localEnvironment(environment);
    if (durationSeconds != null) {
      minter.duration(Duration.ofSeconds(durationSeconds));
    }
    endpoint.ifPresent(minter::stsEndpoint);
    try {
      return Optional.of(minter.build());
    } catch (InvalidRequestException e) {
      String parameter = e.parameter().orElse("");
      String flag =
          parameter.equals("duration")
              ? "--role-duration"
              : parameter.equals("roleArn") ? "--install-role-arn" : null;
      if (flag == null) {
        throw e;
      }
      String message = String.valueOf(e.getMessage());
      if (message.startsWith(parameter)) {
        message = flag + message.substring(parameter.length());
      }
      throw new InvalidRequestException(flag, message);
    }
  }

  /** {@code builder} with the minter's keys for every host, when there is a minter. */
  static FleetInstallation.Builder apply(
      FleetInstallation.Builder builder, Optional<AssumeRoleMinter> minter) {
    minter.ifPresent(m -> builder.installCredentials(m::current));
    return builder;
  }
}
