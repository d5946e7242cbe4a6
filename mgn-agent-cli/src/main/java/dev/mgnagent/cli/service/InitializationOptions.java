package dev.mgnagent.cli.service;

import dev.mgnagent.Endpoints;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The flags of MGN's initialization that {@code init-service} and {@code install} share: the IAM,
 * STS and EC2 endpoints (PrivateLink, or a sandbox) and the staging area subnet.
 */
public final class InitializationOptions {

  @Option(
      names = "--iam-endpoint",
      paramLabel = "URL",
      description = "An IAM endpoint other than the global one; http:// only for loopback.")
  String iamEndpoint;

  @Option(
      names = "--sts-endpoint",
      paramLabel = "URL",
      description = "An STS endpoint other than the regional one; http:// only for loopback.")
  String stsEndpoint;

  @Option(
      names = "--ec2-endpoint",
      paramLabel = "URL",
      description = "An EC2 endpoint other than the regional one; http:// only for loopback.")
  String ec2Endpoint;

  @Option(
      names = "--staging-subnet",
      paramLabel = "SUBNET_ID",
      description =
          "The staging area subnet of a new replication template (default: the default"
              + " VPC's default subnet in the first Availability Zone by name).")
  String stagingSubnet;

  public Optional<URI> iam(String region) {
    return parse("--iam-endpoint", "IAM endpoint", "vpce-0123-abcd.iam.amazonaws.com", iamEndpoint);
  }

  public Optional<URI> sts(String region) {
    return parse(
        "--sts-endpoint",
        "STS endpoint",
        "vpce-0123-abcd.sts." + region + ".vpce.amazonaws.com",
        stsEndpoint);
  }

  public Optional<URI> ec2(String region) {
    return parse(
        "--ec2-endpoint",
        "EC2 endpoint",
        "vpce-0123-abcd.ec2." + region + ".vpce.amazonaws.com",
        ec2Endpoint);
  }

  public Optional<String> stagingSubnet() {
    return Optional.ofNullable(stagingSubnet);
  }

  /** Whether any endpoint of the initialization was given. */
  public boolean anyEndpoint() {
    return iamEndpoint != null || stsEndpoint != null || ec2Endpoint != null;
  }

  /**
   * Refuses to initialize against a loopback MGN (a sandbox, a fake) with the real IAM, STS or EC2:
   * the initialization would create roles in whatever account the keys belong to.
   */
  public void requireAlongside(Optional<URI> mgnEndpoint) {
    boolean loopback =
        mgnEndpoint.map(u -> dev.mgnagent.Loopback.isLoopbackHost(u.getHost())).orElse(false);
    if (loopback && (iamEndpoint == null || stsEndpoint == null || ec2Endpoint == null)) {
      throw new dev.mgnagent.InvalidRequestException(
          "--iam-endpoint",
          "the MGN endpoint is on"
              + " this machine (a sandbox), so initializing it needs the sandbox's IAM, STS and EC2"
              + " too: give --iam-endpoint, --sts-endpoint and --ec2-endpoint");
    }
  }

  private static Optional<URI> parse(String flag, String what, String example, String value) {
    return Optional.ofNullable(value).map(v -> Endpoints.parse(flag, what, example, v));
  }
}
