package dev.mgnagent.testkit.installer.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the fake installer's POST requests with AWS Signature Version 4, written from the public
 * description
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html) with
 * the JDK alone: the fake installer runs in a short-lived JVM of its own for every install, where
 * loading the SDK's signer cost more CPU than the rest of the run. It signs {@code host}, {@code
 * content-type}, {@code x-amz-content-sha256}, {@code x-amz-date} and, for a session, {@code
 * x-amz-security-token}.
 */
final class SigV4Signer {

  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final HexFormat HEX = HexFormat.of();

  private SigV4Signer() {}

  /**
   * The headers to send with a POST of {@code body} to {@code uri} (without a query), the {@code
   * Authorization} header included; {@code sessionToken} may be null.
   */
  static Map<String, String> sign(
      URI uri,
      String contentType,
      byte[] body,
      String region,
      String service,
      String accessKeyId,
      String secret,
      String sessionToken,
      Instant now) {
    String amzDate = AMZ_DATE.format(now);
    String day = amzDate.substring(0, 8);
    String payloadHash = HEX.formatHex(sha256(body));
    Map<String, String> signed = new TreeMap<>();
    signed.put("content-type", contentType);
    signed.put("host", uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
    signed.put("x-amz-content-sha256", payloadHash);
    signed.put("x-amz-date", amzDate);
    if (sessionToken != null) {
      signed.put("x-amz-security-token", sessionToken);
    }
    StringBuilder canonical = new StringBuilder("POST\n");
    canonical.append(canonicalPath(uri.getRawPath())).append("\n\n");
    signed.forEach(
        (name, value) -> canonical.append(name).append(':').append(value.trim()).append('\n'));
    String signedNames = String.join(";", signed.keySet());
    canonical.append('\n').append(signedNames).append('\n').append(payloadHash);

    String scope = day + "/" + region + "/" + service + "/aws4_request";
    String stringToSign =
        "AWS4-HMAC-SHA256\n"
            + amzDate
            + "\n"
            + scope
            + "\n"
            + HEX.formatHex(sha256(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), day);
    key = hmac(key, region);
    key = hmac(key, service);
    key = hmac(key, "aws4_request");
    String signature = HEX.formatHex(hmac(key, stringToSign));

    Map<String, String> headers = new TreeMap<>(signed);
    headers.remove("host");
    headers.put(
        "authorization",
        "AWS4-HMAC-SHA256 Credential="
            + accessKeyId
            + "/"
            + scope
            + ", SignedHeaders="
            + signedNames
            + ", Signature="
            + signature);
    return headers;
  }

  /** The path with each segment percent-encoded once more, as SigV4 wants for all but S3. */
  private static String canonicalPath(String rawPath) {
    if (rawPath == null || rawPath.isEmpty()) {
      return "/";
    }
    StringBuilder b = new StringBuilder();
    for (byte c : rawPath.getBytes(StandardCharsets.UTF_8)) {
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~'
          || c == '/') {
        b.append((char) c);
      } else {
        b.append('%').append(HEX.toHexDigits(c).toUpperCase(Locale.ROOT));
      }
    }
    return b.toString();
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
