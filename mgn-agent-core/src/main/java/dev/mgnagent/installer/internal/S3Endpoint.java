package dev.mgnagent.installer.internal;

import dev.mgnagent.Endpoints;
import java.net.URI;

/**
 * Parses an S3 endpoint given by a user (an S3 VPC endpoint's DNS name, or a loopback test server)
 * into a base URI without a trailing slash, by {@link Endpoints}'s rules.
 */
public final class S3Endpoint {

  private S3Endpoint() {}

  public static URI parse(String endpoint) {
    return Endpoints.parse(
        "s3Endpoint",
        "S3 endpoint",
        "bucket.vpce-0123-abcd.s3.us-east-1.vpce.amazonaws.com",
        endpoint);
  }
}
