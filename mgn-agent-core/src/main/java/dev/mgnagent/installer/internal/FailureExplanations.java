package dev.mgnagent.installer.internal;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Turns HTTP statuses and TLS errors into one-line messages that say what happened and what to do.
 * Pure functions, so tests call them with fixtures.
 */
public final class FailureExplanations {

  private static final Pattern S3_CODE = Pattern.compile("<Code>([A-Za-z]+)</Code>");

  private FailureExplanations() {}

  /** The S3 error code in an XML error body ({@code AccessDenied}, ...), or an empty string. */
  public static String s3ErrorCode(String body) {
    Matcher m = S3_CODE.matcher(body == null ? "" : body);
    return m.find() ? m.group(1) : "";
  }

  /** Why a non-retryable HTTP status stopped the download of {@code url}, and what to do. */
  public static String forStatus(URI url, int status, String s3Code) {
    String code = s3Code.isEmpty() ? "" : " " + s3Code;
    String what = "HTTP " + status + code + " from " + url;
    if (status == 403) {
      return what
          + ": access denied. The installer buckets are public, so this comes from in between: an"
          + " S3 VPC endpoint policy must allow s3:GetObject on arn:aws:s3:::"
          + bucketOf(url)
          + "/* (and the hashes bucket); a proxy or firewall may also refuse it";
    }
    if (status == 404) {
      return what
          + ": not found. Check the region (the installer is published per region) and the"
          + " flavor; with an s3Endpoint, check that it is an S3 endpoint of that region";
    }
    if (status == 301
        || status == 307
        || s3Code.equals("PermanentRedirect")
        || s3Code.equals("AuthorizationHeaderMalformed")) {
      return what
          + ": the bucket answers from another region. Check the region, and that an S3 VPC"
          + " endpoint belongs to the same region";
    }
    return what + ": unexpected answer; check the URL, the S3 endpoint and any proxy";
  }

  /** Whether another attempt may succeed after {@code status}. */
  public static boolean isRetryable(int status) {
    return status == 408 || status == 429 || status >= 500;
  }

  /** A TLS failure talking to {@code url}, explained; there is deliberately no insecure mode. */
  public static String forTls(URI url, SSLException e) {
    String detail = messages(e).toLowerCase(Locale.ROOT);
    String host = url.getHost();
    if (detail.contains("no subject alternative")
        || detail.contains("doesn't match")
        || detail.contains("does not match")
        || detail.contains("hostname")) {
      String vpce =
          host != null && host.startsWith("vpce-")
              ? " An S3 interface VPC endpoint's certificate covers *."
                  + host
                  + ", not "
                  + host
                  + " itself: use bucket."
                  + host
                  + " as the s3Endpoint."
              : " With an S3 interface VPC endpoint, use the endpoint's DNS name with the"
                  + " 'bucket.' prefix (bucket.vpce-...s3.<region>.vpce.amazonaws.com), or enable"
                  + " private DNS and leave s3Endpoint out.";
      return "TLS: the certificate of "
          + host
          + " is not valid for that name."
          + vpce
          + " mgn-agent has no insecure mode";
    }
    if (detail.contains("pkix") || detail.contains("certification path")) {
      return "TLS: the certificate of "
          + host
          + " is not trusted. A TLS-inspecting proxy or firewall may sit in between: add its CA"
          + " to the Java trust store (-Djavax.net.ssl.trustStore) or bypass it for S3."
          + " mgn-agent has no insecure mode";
    }
    return "TLS handshake with "
        + host
        + " failed ("
        + firstMessage(e)
        + "); check the S3"
        + " endpoint and any proxy. mgn-agent has no insecure mode";
  }

  private static String bucketOf(URI url) {
    String host = url.getHost() == null ? "" : url.getHost();
    String path = url.getPath() == null ? "" : url.getPath();
    if (host.startsWith("aws-application-migration-service-")) {
      return host.substring(0, host.indexOf('.'));
    }
    String[] segments = path.split("/");
    for (String segment : segments) {
      if (segment.startsWith("aws-application-migration-service-")) {
        return segment;
      }
    }
    return "<bucket>";
  }

  private static String messages(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append(' ');
    }
    return all.toString();
  }

  private static String firstMessage(Throwable e) {
    return e.getMessage() == null ? "no details" : e.getMessage();
  }
}
