package dev.mgnagent;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The AWS region names MGN publishes the Linux installer in, and which of them are opt-in. */
public final class Regions {

  /** Lower-case partition prefix, optional gov/iso marker, a direction word, a number. */
  private static final Pattern REGION =
      Pattern.compile("[a-z]{2}(-(gov|iso[a-z]?))?-[a-z]+-[0-9]{1,2}");

  /** The regions in the installation guide's download table. */
  private static final Set<String> KNOWN =
      Set.of(
          "us-east-1",
          "us-east-2",
          "us-west-1",
          "us-west-2",
          "af-south-1",
          "ap-east-1",
          "ap-south-1",
          "ap-south-2",
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-southeast-1",
          "ap-southeast-2",
          "ap-southeast-3",
          "ap-southeast-4",
          "ap-southeast-5",
          "ap-southeast-7",
          "ca-central-1",
          "eu-central-1",
          "eu-central-2",
          "eu-west-1",
          "eu-west-2",
          "eu-west-3",
          "eu-south-1",
          "eu-south-2",
          "eu-north-1",
          "me-south-1",
          "me-central-1",
          "il-central-1",
          "sa-east-1",
          "us-gov-east-1",
          "us-gov-west-1");

  /** Opt-in regions of that table: the short URL form is not documented for them. */
  private static final Set<String> OPT_IN =
      Set.of(
          "af-south-1",
          "ap-east-1",
          "ap-south-2",
          "ap-southeast-3",
          "ap-southeast-4",
          "ap-southeast-5",
          "ap-southeast-7",
          "eu-south-1",
          "eu-south-2",
          "eu-central-2",
          "me-south-1",
          "me-central-1",
          "il-central-1");

  private Regions() {}

  /** Whether {@code name} has the shape of a region name, such as {@code eu-west-3}. */
  public static boolean isWellFormed(String name) {
    return name != null && REGION.matcher(name).matches();
  }

  /**
   * {@code region} when it is well formed.
   *
   * @throws InvalidRequestException naming {@code parameter} when it is empty or malformed, with a
   *     hint when only its case is wrong
   */
  public static String requireWellFormed(String parameter, String region) {
    if (region == null || region.isBlank()) {
      throw new InvalidRequestException(
          parameter, flagPrefix(parameter) + "no region given; name one such as us-east-1");
    }
    if (!isWellFormed(region)) {
      String lower = region.length() > 64 ? "" : region.strip().toLowerCase(Locale.ROOT);
      String hint = isWellFormed(lower) ? " (region names are lower case: " + lower + ")" : "";
      throw new InvalidRequestException(
          parameter,
          flagPrefix(parameter)
              + "region "
              + Shown.quoted(region)
              + " is not a region name such as us-east-1"
              + hint);
    }
    return region;
  }

  /** {@code "--region: "} for a command-line flag; nothing for a field name of the API. */
  static String flagPrefix(String parameter) {
    return parameter != null && parameter.startsWith("--") ? parameter + ": " : "";
  }

  /** Whether the installer is known to be published in {@code name}. */
  public static boolean isKnown(String name) {
    return KNOWN.contains(name);
  }

  /** Whether {@code name} is a known region that is not opt-in, where the short form works. */
  public static boolean hasShortForm(String name) {
    return KNOWN.contains(name) && !OPT_IN.contains(name);
  }
}
