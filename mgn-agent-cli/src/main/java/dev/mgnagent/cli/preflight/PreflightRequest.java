package dev.mgnagent.cli.preflight;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.Endpoints;
import dev.mgnagent.Regions;
import dev.mgnagent.Shown;
import dev.mgnagent.preflight.Preflight;
import dev.mgnagent.credentials.CredentialsResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.regions.Region;

/** The flags of {@code preflight}, validated with their names in every message. */
record PreflightRequest(String region, String endpoint, String s3Endpoint,
    String replicationServer, String flavor, String profile, Path hostRoot) {

  /** A builder with everything but the host; throws {@link InvalidRequestException} for bad flags. */
  Preflight.Builder toBuilder(Map<String, String> environment) {
    Preflight.Builder builder = Preflight.builder().flavor(checkedFlavor());
    String example = region == null ? "us-east-1" : region;
    if (region != null) {
      builder.region(Region.of(Regions.requireWellFormed("--region", region)));
    }
    if (endpoint != null) {
      builder.endpoint(Endpoints.parse("--endpoint", "MGN endpoint",
          "vpce-0123-abcd.mgn." + example + ".vpce.amazonaws.com", endpoint));
    }
    if (s3Endpoint != null) {
      builder.s3Endpoint(Endpoints.parse("--s3-endpoint", "S3 endpoint",
          "bucket.vpce-0123-abcd.s3." + example + ".vpce.amazonaws.com", s3Endpoint));
    }
    if (replicationServer != null) {
      if (!replicationServer.matches("[A-Za-z0-9.:-]+")) {
        throw new InvalidRequestException("--replication-server", "--replication-server "
            + Shown.quoted(replicationServer) + ": give a host name or IP address (port 1500 is implied)");
      }
      builder.replicationServer(replicationServer);
    }
    if (profile != null || environment.containsKey("AWS_ACCESS_KEY_ID")) {
      builder.credentialsProvider(CredentialsResolver.builder().profile(profile)
          .environment(environment).build().resolve().provider());
    }
    return builder;
  }

  private InstallerFlavor checkedFlavor() {
    for (InstallerFlavor f : InstallerFlavor.values()) {
      if (f.id().equals(flavor.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new InvalidRequestException("--flavor", "--flavor " + Shown.quoted(flavor)
        + ": choose binary or python");
  }

  /** The checked {@code --host-root}. */
  Path checkedHostRoot() {
    if (!Files.isDirectory(hostRoot)) {
      throw new InvalidRequestException("--host-root", "--host-root " + hostRoot
          + ": no such directory");
    }
    if (!Files.isReadable(hostRoot) || !Files.isExecutable(hostRoot)) {
      throw new InvalidRequestException("--host-root", "--host-root " + hostRoot
          + ": the directory cannot be read");
    }
    return hostRoot;
  }
}
