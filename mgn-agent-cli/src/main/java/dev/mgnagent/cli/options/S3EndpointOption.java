package dev.mgnagent.cli.options;

import dev.mgnagent.Endpoints;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --s3-endpoint}: an S3 (VPC) endpoint for the installer's downloads. */
public final class S3EndpointOption {

  @Option(
      names = "--s3-endpoint",
      paramLabel = "URL",
      description =
          "An S3 (VPC) endpoint for the installer's downloads, used path style; a bare"
              + " host name means https; http:// only for loopback.")
  String s3Endpoint;

  /** Whether {@code --s3-endpoint} was given. */
  public boolean given() {
    return s3Endpoint != null;
  }

  /** The parsed endpoint; {@code region} only shapes the example in an error message. */
  public Optional<URI> endpoint(String region) {
    return Optional.ofNullable(s3Endpoint)
        .map(
            e ->
                Endpoints.parse(
                    "--s3-endpoint",
                    "S3 endpoint",
                    "bucket.vpce-0123-abcd.s3." + region + ".vpce.amazonaws.com",
                    e));
  }
}
