package dev.mgnagent.installer;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Loopback;
import dev.mgnagent.Regions;
import dev.mgnagent.Warning;
import dev.mgnagent.installer.internal.S3Endpoint;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.regions.Region;

/**
 * Where the Linux replication-agent installer of a region and its published SHA-512 digest are
 * downloaded from.
 *
 * <pre>{@code
 * InstallerLocation.of(Region.EU_WEST_3);                // regional URL, binary installer
 * InstallerLocation.of(Region.US_EAST_1, InstallerFlavor.PYTHON, UrlStyle.SHORT);
 * InstallerLocation.viaEndpoint(Region.US_EAST_1,      // path style through an S3 VPC endpoint
 *     URI.create("https://bucket.vpce-0a1b-2c3d.s3.us-east-1.vpce.amazonaws.com"),
 *     InstallerFlavor.BINARY);
 * }</pre>
 *
 * <p>The installer lives in {@code aws-application-migration-service-<region>} and its digest in
 * {@code aws-application-migration-service-hashes-<region>}, both under {@code latest/linux/}. A
 * region name of the wrong shape is an {@link InvalidRequestException}; a well-formed region that
 * is not on the published list gets the regional form and a {@link #warnings() warning}.
 */
public final class InstallerLocation {

  private final Optional<Region> region;
  private final InstallerFlavor flavor;
  private final URI installerUrl;
  private final URI digestUrl;
  private final List<Warning> warnings;

  private InstallerLocation(
      Optional<Region> region,
      InstallerFlavor flavor,
      URI installerUrl,
      URI digestUrl,
      List<Warning> warnings) {
    this.region = region;
    this.flavor = flavor;
    this.installerUrl = installerUrl;
    this.digestUrl = digestUrl;
    this.warnings = List.copyOf(warnings);
  }

  /** The binary installer of {@code region} at its regional URL. */
  public static InstallerLocation of(Region region) {
    return of(region, InstallerFlavor.BINARY, UrlStyle.REGIONAL);
  }

  /**
   * The {@code flavor} installer of {@code region} on the public S3 host name of {@code style}. The
   * digest comes from the hashes bucket's regional host (dual-stack host for {@link
   * UrlStyle#DUAL_STACK}).
   *
   * @throws InvalidRequestException if the region is malformed, or {@link UrlStyle#SHORT} is asked
   *     for an opt-in region
   */
  public static InstallerLocation of(Region region, InstallerFlavor flavor, UrlStyle style) {
    Objects.requireNonNull(flavor, "flavor");
    Objects.requireNonNull(style, "style");
    String r = checkedRegion(region);
    String bucket = installerBucket(r);
    String hashes = hashesBucket(r);
    List<Warning> warnings = unknownRegionWarning(r);
    String installerHost;
    String digestHost;
    switch (style) {
      case SHORT -> {
        if (!Regions.isKnown(r)) {
          installerHost = bucket + ".s3." + r + ".amazonaws.com";
        } else if (!Regions.hasShortForm(r)) {
          throw new InvalidRequestException(
              "urlStyle",
              "region "
                  + r
                  + " is an opt-in region: the short URL form is documented only for"
                  + " regions that are not opt-in; use the regional form");
        } else {
          installerHost = bucket + ".s3.amazonaws.com";
        }
        digestHost = hashes + ".s3." + r + ".amazonaws.com";
      }
      case DUAL_STACK -> {
        installerHost = bucket + ".s3.dualstack." + r + ".amazonaws.com";
        digestHost = hashes + ".s3.dualstack." + r + ".amazonaws.com";
      }
      default -> {
        installerHost = bucket + ".s3." + r + ".amazonaws.com";
        digestHost = hashes + ".s3." + r + ".amazonaws.com";
      }
    }
    return new InstallerLocation(
        Optional.of(region),
        flavor,
        URI.create("https://" + installerHost + "/" + flavor.key()),
        URI.create("https://" + digestHost + "/" + flavor.key() + ".sha512"),
        warnings);
  }

  /**
   * The {@code flavor} installer of {@code region} through an S3 endpoint (an S3 VPC interface
   * endpoint, or a loopback server in tests), path style: {@code
   * <endpoint>/aws-application-migration-service-<region>/latest/linux/...}. An endpoint without a
   * scheme (a bare host name) means {@code https}; {@code http://} is accepted only for loopback
   * hosts.
   *
   * @throws InvalidRequestException if the region or the endpoint is malformed
   */
  public static InstallerLocation viaEndpoint(
      Region region, URI s3Endpoint, InstallerFlavor flavor) {
    Objects.requireNonNull(flavor, "flavor");
    String r = checkedRegion(region);
    URI base = S3Endpoint.parse(Objects.requireNonNull(s3Endpoint, "s3Endpoint").toString());
    return new InstallerLocation(
        Optional.of(region),
        flavor,
        URI.create(base + "/" + installerBucket(r) + "/" + flavor.key()),
        URI.create(base + "/" + hashesBucket(r) + "/" + flavor.key() + ".sha512"),
        unknownRegionWarning(r));
  }

  /**
   * Explicit URLs, for mirrors. Both must be {@code https}, or {@code http} on a loopback host.
   *
   * @throws InvalidRequestException if a URL is not allowed
   */
  public static InstallerLocation at(URI installerUrl, URI digestUrl, InstallerFlavor flavor) {
    Objects.requireNonNull(flavor, "flavor");
    return new InstallerLocation(
        Optional.empty(), flavor, checkedUrl(installerUrl), checkedUrl(digestUrl), List.of());
  }

  /** The region; empty for {@link #at explicit URLs}. */
  public Optional<Region> region() {
    return region;
  }

  public InstallerFlavor flavor() {
    return flavor;
  }

  /** Where the installer is downloaded from. */
  public URI installerUrl() {
    return installerUrl;
  }

  /** Where its SHA-512 digest is downloaded from. */
  public URI digestUrl() {
    return digestUrl;
  }

  /** Things the caller should tell the user (an unknown region, for example); often empty. */
  public List<Warning> warnings() {
    return warnings;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InstallerLocation other
        && region.equals(other.region)
        && flavor == other.flavor
        && installerUrl.equals(other.installerUrl)
        && digestUrl.equals(other.digestUrl);
  }

  @Override
  public int hashCode() {
    return Objects.hash(region, flavor, installerUrl, digestUrl);
  }

  @Override
  public String toString() {
    return "InstallerLocation[" + installerUrl + ", digest " + digestUrl + "]";
  }

  static String installerBucket(String region) {
    return "aws-application-migration-service-" + region;
  }

  static String hashesBucket(String region) {
    return "aws-application-migration-service-hashes-" + region;
  }

  private static String checkedRegion(Region region) {
    return Regions.requireWellFormed("region", Objects.requireNonNull(region, "region").id());
  }

  private static List<Warning> unknownRegionWarning(String region) {
    if (Regions.isKnown(region)) {
      return List.of();
    }
    return List.of(
        new Warning(
            Warning.Code.UNKNOWN_REGION,
            "region "
                + region
                + " is not in the list of regions the installer is published in; trying its regional"
                + " URL anyway"));
  }

  private static URI checkedUrl(URI url) {
    Objects.requireNonNull(url, "url");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (url.getHost() == null) {
      throw new InvalidRequestException("url", "URL " + url + " has no host");
    }
    if (scheme.equals("https")
        || (scheme.equals("http") && Loopback.isLoopbackHost(url.getHost()))) {
      return url;
    }
    throw new InvalidRequestException(
        "url", "URL " + url + ": only https, or http on a loopback address, is accepted");
  }
}
