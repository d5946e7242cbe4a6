package dev.mgnagent.cli.service;

import dev.mgnagent.Endpoints;
import dev.mgnagent.Regions;
import dev.mgnagent.cli.CliContext;
import dev.mgnagent.credentials.CredentialsResolver;
import dev.mgnagent.credentials.ResolvedCredentials;
import dev.mgnagent.mgn.MgnClients;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mgn.MgnClient;

/** The flags every command that calls MGN shares: region, endpoint and credentials. */
public final class ServiceOptions {

  @Option(
      names = "--region",
      required = true,
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

  /** The validated request: region and endpoint checked, credentials chosen; nothing sent yet. */
  Service resolve(CliContext context) {
    Region checkedRegion = Region.of(Regions.requireWellFormed("--region", region));
    Optional<URI> checkedEndpoint =
        Optional.ofNullable(endpoint)
            .map(
                e ->
                    Endpoints.parse(
                        "--endpoint",
                        "MGN endpoint",
                        "vpce-0123-abcd.mgn." + region + ".vpce.amazonaws.com",
                        e));
    ResolvedCredentials credentials =
        CredentialsResolver.builder()
            .profile(profile)
            .environment(context.environment())
            .build()
            .resolve();
    return new Service(checkedRegion, checkedEndpoint, credentials);
  }

  /** Where and as whom to call MGN. */
  record Service(Region region, Optional<URI> endpoint, ResolvedCredentials credentials) {
    MgnClient newClient() {
      return endpoint
          .map(uri -> MgnClients.create(region, credentials.provider(), uri))
          .orElseGet(() -> MgnClients.create(region, credentials.provider()));
    }
  }
}
