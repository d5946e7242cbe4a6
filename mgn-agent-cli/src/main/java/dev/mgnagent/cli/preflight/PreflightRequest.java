package dev.mgnagent.cli.preflight;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Shown;
import dev.mgnagent.cli.options.AwsOptions;
import dev.mgnagent.cli.options.S3EndpointOption;
import dev.mgnagent.credentials.CredentialsResolver;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.preflight.Preflight;
import java.util.Map;

/** The flags of {@code preflight}, validated with their names in every message. */
record PreflightRequest(
    AwsOptions aws, S3EndpointOption s3, String replicationServer, InstallerFlavor flavor) {

  /**
   * A builder with everything but the host; throws {@link InvalidRequestException} for bad flags.
   */
  Preflight.Builder toBuilder(Map<String, String> environment) {
    Preflight.Builder builder = Preflight.builder().flavor(flavor);
    String example = aws.region().orElse("us-east-1");
    aws.region().ifPresent(r -> builder.region(AwsOptions.checkedRegion(r)));
    aws.endpoint(example).ifPresent(builder::endpoint);
    s3.endpoint(example).ifPresent(builder::s3Endpoint);
    if (replicationServer != null) {
      if (!replicationServer.matches("[A-Za-z0-9.:-]+")) {
        throw new InvalidRequestException(
            "--replication-server",
            "--replication-server "
                + Shown.quoted(replicationServer)
                + ": give a host name or IP address (port 1500 is implied)");
      }
      builder.replicationServer(replicationServer);
    }
    if (aws.profile().isPresent() || environment.containsKey("AWS_ACCESS_KEY_ID")) {
      builder.credentialsProvider(
          CredentialsResolver.builder()
              .profile(aws.profile().orElse(null))
              .environment(environment)
              .build()
              .resolve()
              .provider());
    }
    return builder;
  }
}
