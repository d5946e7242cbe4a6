package dev.mgnagent.cli.installer;

import dev.mgnagent.InvalidRequestException;
import java.util.Map;

/** Names the command-line flag (or variable) behind a core invalid-request error. */
final class Flags {

  private static final Map<String, String> FLAGS =
      Map.of(
          "region", "--region",
          "s3Endpoint", "--s3-endpoint",
          "urlStyle", "--region",
          "output", "--output",
          "file", "--file",
          "sha512", "--sha512",
          "httpsProxy", "https_proxy");

  private Flags() {}

  static InvalidRequestException named(InvalidRequestException e) {
    String parameter = e.parameter().orElse("");
    String flag = FLAGS.get(parameter);
    if (flag == null || e.getMessage().startsWith(flag)) {
      return e;
    }
    InvalidRequestException named = new InvalidRequestException(flag, flag + ": " + e.getMessage());
    named.initCause(e);
    return named;
  }
}
