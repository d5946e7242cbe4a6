package dev.mgnagent.preflight.internal;

import dev.mgnagent.installer.InstallerLocation;
import dev.mgnagent.installer.UrlStyle;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.regions.Region;

/** Which endpoints the network checks probe (MGN, S3, the replication server), from the request. */
public final class ProbePlan {

  public static final String MGN = "network.mgn-443";
  public static final String S3 = "network.s3-443";
  public static final String REPLICATION = "network.replication-1500";

  /**
   * Buckets besides the installer's and its hashes', allow-listed for TCP 443 (MGN's network
   * requirements).
   */
  static final List<String> OTHER_BUCKETS =
      List.of(
          "aws-mgn-clients-",
          "aws-mgn-clients-hashes-",
          "aws-mgn-internal-",
          "aws-mgn-internal-hashes-",
          "amazon-ssm-");

  private ProbePlan() {}

  public static List<ProbeTarget> targets(Settings s) {
    List<ProbeTarget> targets = new ArrayList<>();
    if (s.mgnEndpoint().isPresent()) {
      URI e = s.mgnEndpoint().get();
      targets.add(new ProbeTarget(MGN, "MGN endpoint " + e, e.getHost(), port(e)));
    } else {
      s.region()
          .ifPresent(
              r -> targets.add(new ProbeTarget(MGN, "MGN", "mgn." + r + ".amazonaws.com", 443)));
    }
    if (s.s3Endpoint().isPresent()) {
      URI e = s.s3Endpoint().get();
      targets.add(new ProbeTarget(S3, "S3 endpoint " + e, e.getHost(), port(e)));
    } else if (s.region().isPresent()) {
      String r = s.region().get();
      InstallerLocation location =
          InstallerLocation.of(Region.of(r), s.flavor(), UrlStyle.REGIONAL);
      for (URI url : List.of(location.installerUrl(), location.digestUrl())) {
        targets.add(new ProbeTarget(S3, url.getHost().split("\\.")[0], url.getHost(), 443));
      }
      for (String prefix : OTHER_BUCKETS) {
        String bucket = prefix + r;
        targets.add(new ProbeTarget(S3, bucket, bucket + ".s3." + r + ".amazonaws.com", 443));
      }
    }
    s.replicationServer()
        .ifPresent(
            host ->
                targets.add(
                    new ProbeTarget(REPLICATION, "replication server " + host, host, 1500)));
    return targets;
  }

  static int port(URI uri) {
    if (uri.getPort() > 0) {
      return uri.getPort();
    }
    return "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
  }
}
