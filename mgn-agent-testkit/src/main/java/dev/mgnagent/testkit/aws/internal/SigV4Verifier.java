package dev.mgnagent.testkit.aws.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Verifies AWS Signature Version 4 the way the service does: the request is rebuilt from only the
 * headers the client signed ({@code SignedHeaders}), the raw path, the raw query and the raw body,
 * signed again with the SDK's own {@link AwsV4HttpSigner} at the request's own {@code X-Amz-Date}
 * (a fixed clock) with the key pair the access key ID names (a session when {@code
 * X-Amz-Security-Token} is present), and the two signatures are compared in constant time. Requests
 * more than 15 minutes away from the wall clock are refused.
 */
public final class SigV4Verifier {
  static final Duration MAX_SKEW = Duration.ofMinutes(15);
  private static final String ALGORITHM = "AWS4-HMAC-SHA256";
  private static final Pattern AUTHORIZATION =
      Pattern.compile(
          "AWS4-HMAC-SHA256\\s+Credential=([^,\\s]+)\\s*,\\s*SignedHeaders=([^,\\s]+)\\s*,"
              + "\\s*Signature=([0-9a-f]{64})\\s*");
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);

  private final String region;
  private final String service;
  private final Clock wallClock;
  private final KeyRing keys;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

  public SigV4Verifier(String region, String service, Clock wallClock, KeyRing keys) {
    this.region = region;
    this.service = service;
    this.wallClock = wallClock;
    this.keys = keys;
  }

  /**
   * Returns the principal that signed {@code request}, or throws the {@link AuthFailure} the
   * service would answer: {@code MissingAuthenticationTokenException}, {@code
   * IncompleteSignatureException}, {@code UnrecognizedClientException} or {@code
   * InvalidSignatureException}.
   */
  public KeyRing.Principal verify(IncomingRequest request) {
    String authorization = request.header("authorization");
    if (authorization == null) {
      throw new AuthFailure(AuthFailure.Kind.MISSING_TOKEN, "Missing Authentication Token");
    }
    Matcher m = AUTHORIZATION.matcher(authorization.trim());
    if (!m.matches()) {
      throw AuthFailure.incompleteSignature(
          "Authorization header requires 'Credential', "
              + "'Signature' and 'SignedHeaders' parameters with the "
              + ALGORITHM
              + " algorithm.");
    }
    String[] scope = m.group(1).split("/", -1);
    if (scope.length != 5) {
      throw AuthFailure.incompleteSignature("Credential '" + m.group(1) + "' is malformed.");
    }
    List<String> signedHeaders = Arrays.asList(m.group(2).split(";"));
    String signature = m.group(3);

    KeyRing.Principal principal = keys.find(scope[0]);
    String token = request.header("x-amz-security-token");
    if (principal == null || !tokenMatches(principal.sessionToken(), token)) {
      throw AuthFailure.unrecognizedClient();
    }
    if (keys.isExpired(principal.accessKeyId())) {
      throw new AuthFailure(
          AuthFailure.Kind.EXPIRED_TOKEN, "The security token included in the request is expired");
    }

    String amzDate = request.header("x-amz-date");
    if (amzDate == null) {
      throw AuthFailure.incompleteSignature(
          "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    }
    Instant signedAt;
    try {
      signedAt = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw AuthFailure.incompleteSignature("X-Amz-Date '" + amzDate + "' is not a valid date.");
    }
    checkFresh(amzDate, signedAt);
    checkScope(scope, amzDate);
    if (!signedHeaders.contains("host") || !signedHeaders.contains("x-amz-date")) {
      throw AuthFailure.invalidSignature("'Host' and 'X-Amz-Date' must be signed headers.");
    }

    String expected = signatureOf(rebuild(request, signedHeaders), principal, signedAt);
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII))) {
      // as AWS does, the message quotes the canonical request, signed headers (and so any
      // x-amz-security-token) included, and the string to sign
      String canonical = canonicalRequest(request, signedHeaders);
      String stringToSign =
          ALGORITHM
              + "\n"
              + amzDate
              + "\n"
              + String.join("/", Arrays.copyOfRange(scope, 1, 5))
              + "\n"
              + sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
      throw AuthFailure.invalidSignature(
          "The request signature we calculated does not match the "
              + "signature you provided. Check your AWS Secret Access Key and signing method. "
              + "Consult the service documentation for details.\n\nThe Canonical String for this"
              + " request should have been\n'"
              + canonical
              + "'\n\nThe String-to-Sign should have"
              + " been\n'"
              + stringToSign
              + "'\n");
    }
    return principal;
  }

  /** The canonical request as SigV4 defines it, from what arrived (informational). */
  private static String canonicalRequest(IncomingRequest request, List<String> signedHeaders) {
    StringBuilder b = new StringBuilder();
    b.append(request.method()).append('\n').append(request.rawPath()).append('\n');
    String rawQuery = request.rawQuery() == null ? "" : request.rawQuery();
    List<String> pairs =
        new java.util.ArrayList<>(
            List.of(rawQuery.isEmpty() ? new String[0] : rawQuery.split("&")));
    java.util.Collections.sort(pairs);
    b.append(String.join("&", pairs)).append('\n');
    for (String name : signedHeaders) {
      List<String> values = request.headers().getOrDefault(name, List.of());
      b.append(name)
          .append(':')
          .append(
              String.join(",", values.stream().map(v -> v.trim().replaceAll(" +", " ")).toList()))
          .append('\n');
    }
    b.append('\n').append(String.join(";", signedHeaders)).append('\n');
    String payload = request.header("x-amz-content-sha256");
    b.append(payload != null ? payload : sha256Hex(request.body()));
    return b.toString();
  }

  private static String sha256Hex(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      StringBuilder hex = new StringBuilder();
      for (byte d : digest) {
        hex.append(String.format("%02x", d));
      }
      return hex.toString();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean tokenMatches(String expected, String actual) {
    if (expected == null) {
      return actual == null;
    }
    return actual != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
  }

  private void checkFresh(String amzDate, Instant signedAt) {
    Instant now = wallClock.instant();
    String nowText = AMZ_DATE.format(now.atOffset(ZoneOffset.UTC));
    if (signedAt.isBefore(now.minus(MAX_SKEW))) {
      throw AuthFailure.invalidSignature(
          "Signature expired: "
              + amzDate
              + " is now earlier than "
              + AMZ_DATE.format(now.minus(MAX_SKEW).atOffset(ZoneOffset.UTC))
              + " ("
              + nowText
              + " - 15 min.)");
    }
    if (signedAt.isAfter(now.plus(MAX_SKEW))) {
      throw AuthFailure.invalidSignature(
          "Signature not yet current: "
              + amzDate
              + " is still later than "
              + AMZ_DATE.format(now.plus(MAX_SKEW).atOffset(ZoneOffset.UTC))
              + " ("
              + nowText
              + " + 15 min.)");
    }
  }

  private void checkScope(String[] scope, String amzDate) {
    if (!scope[1].equals(amzDate.substring(0, 8))) {
      throw AuthFailure.invalidSignature(
          "Date in Credential scope does not match YYYYMMDD from "
              + "ISO-8601 version of date from HTTP: '"
              + scope[1]
              + "' != '"
              + amzDate.substring(0, 8)
              + "', from '"
              + amzDate
              + "'.");
    }
    if (!scope[2].equals(region)) {
      throw AuthFailure.invalidSignature(
          "Credential should be scoped to a valid region, not '"
              + scope[2]
              + "'. This endpoint serves '"
              + region
              + "'.");
    }
    if (!scope[3].equals(service) || !scope[4].equals("aws4_request")) {
      throw AuthFailure.invalidSignature(
          "Credential should be scoped to correct service: '" + service + "'.");
    }
  }

  private static SdkHttpFullRequest rebuild(IncomingRequest request, List<String> signedHeaders) {
    String host = request.header("host");
    if (host == null) {
      throw AuthFailure.invalidSignature("The request has no Host header.");
    }
    URI origin;
    try {
      origin = URI.create("http://" + host);
    } catch (IllegalArgumentException e) {
      throw AuthFailure.invalidSignature("The Host header '" + host + "' is malformed.");
    }
    SdkHttpMethod method;
    try {
      method = SdkHttpMethod.fromValue(request.method());
    } catch (IllegalArgumentException e) {
      throw AuthFailure.invalidSignature("Unsupported method " + request.method());
    }
    SdkHttpFullRequest.Builder b =
        SdkHttpFullRequest.builder()
            .method(method)
            .protocol("http")
            .host(origin.getHost())
            .port(origin.getPort() < 0 ? 80 : origin.getPort())
            .encodedPath(request.rawPath());
    Map<String, List<String>> query;
    try {
      query = Percent.parseQuery(request.rawQuery());
    } catch (IllegalArgumentException e) {
      throw AuthFailure.invalidSignature("The query string is not validly percent-encoded.");
    }
    query.forEach(b::putRawQueryParameter);
    for (String name : signedHeaders) {
      List<String> values = request.headers().get(name);
      if (values == null) {
        throw AuthFailure.invalidSignature(
            "Signed header '" + name + "' is missing from the request.");
      }
      b.putHeader(name, values);
    }
    byte[] body = request.body();
    b.contentStreamProvider(ContentStreamProvider.fromByteArray(body));
    return b.build();
  }

  private String signatureOf(
      SdkHttpFullRequest request, KeyRing.Principal principal, Instant signedAt) {
    SignedRequest signed =
        signer.sign(
            r ->
                r.identity(principal.credentials())
                    .request(request)
                    .payload(request.contentStreamProvider().orElse(null))
                    .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)));
    String authorization = signed.request().firstMatchingHeader("Authorization").orElse("");
    Matcher m = AUTHORIZATION.matcher(authorization);
    return m.matches() ? m.group(3) : "";
  }
}
