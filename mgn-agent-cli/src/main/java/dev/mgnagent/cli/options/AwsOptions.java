package dev.mgnagent.cli.options;

import dev.mgnagent.Endpoints;
import dev.mgnagent.Regions;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;
import software.amazon.awssdk.regions.Region;

/**
 * {@code --region}, {@code --endpoint} and {@code --profile} for commands where the region may be
 * left out ({@code install} asks for it, {@code preflight} then skips the network checks). The
 * commands that always call MGN use {@code ServiceOptions}, where the region is required.
 */
public final class AwsOptions {

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description = "The AWS region, such as us-east-1.")
  String region;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      description =
          "An MGN endpoint other than the regional one (PrivateLink); http:// only for"
              + " loopback.")
  String endpoint;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description = "Use this profile of the AWS config and credentials files.")
  String profile;

  /** {@code --region} as given. */
  public Optional<String> region() {
    return Optional.ofNullable(region);
  }

  /** {@code region} checked to be well formed, named as {@code --region} in the message. */
  public static Region checkedRegion(String region) {
    return Region.of(Regions.requireWellFormed("--region", region));
  }

  /** Whether {@code --endpoint} was given. */
  public boolean endpointGiven() {
    return endpoint != null;
  }

  /** The parsed {@code --endpoint}; {@code region} only shapes the example in a message. */
  public Optional<URI> endpoint(String region) {
    return Optional.ofNullable(endpoint)
        .map(
            e ->
                Endpoints.parse(
                    "--endpoint",
                    "MGN endpoint",
                    "vpce-0123-abcd.mgn." + region + ".vpce.amazonaws.com",
                    e));
  }

  /** {@code --profile} as given. */
  public Optional<String> profile() {
    return Optional.ofNullable(profile);
  }
}
