package dev.mgnagent.installer;

/** Which public S3 host name the installer is fetched from (see {@link InstallerLocation}). */
public enum UrlStyle {

  /** {@code <bucket>.s3.<region>.amazonaws.com}: works in every region; the default. */
  REGIONAL,

  /**
   * {@code <bucket>.s3.amazonaws.com}: documented only for regions that are not opt-in; asking for
   * it in an opt-in region is an invalid request.
   */
  SHORT,

  /** {@code <bucket>.s3.dualstack.<region>.amazonaws.com}: IPv4 and IPv6. */
  DUAL_STACK
}
