package dev.mgnagent.installer.internal;

import dev.mgnagent.installer.InstallerDownloadException;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Downloads and parses a published {@code .sha512} file, with the same retries as the installer.
 */
final class DigestFetch {

  private static final int MAX_BYTES = 64 * 1024;

  private final VerifierSettings settings;
  private final HttpGet http;

  DigestFetch(VerifierSettings settings) {
    this.settings = settings;
    this.http = new HttpGet(settings);
  }

  /** The digest at {@code url}, lower-case hex. */
  String fetch(URI url) {
    String text = new RetryPolicy(settings).run(url, attempt -> text(url, attempt), () -> 0L);
    return DigestText.parse(text)
        .orElseThrow(
            () ->
                new InstallerDownloadException(
                    url,
                    1,
                    200,
                    "the digest file "
                        + url
                        + " does not start with a SHA-512 digest (128"
                        + " hexadecimal characters); check the S3 endpoint or mirror",
                    null));
  }

  private String text(URI url, int attempt) throws RetryableFailure {
    HttpURLConnection connection = http.send(url, Map.of(), attempt);
    try {
      int status = connection.getResponseCode();
      if (status != HttpURLConnection.HTTP_OK) {
        String body = HttpGet.errorBody(connection);
        if (FailureExplanations.isRetryable(status)) {
          throw new RetryableFailure(
              "HTTP " + status + " from " + url.getHost(), false, status, null);
        }
        throw new InstallerDownloadException(
            url,
            attempt,
            status,
            FailureExplanations.forStatus(url, status, FailureExplanations.s3ErrorCode(body)),
            null);
      }
      long length = connection.getContentLengthLong();
      try (InputStream in = connection.getInputStream()) {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
          throw new InstallerDownloadException(
              url,
              attempt,
              status,
              "the digest file "
                  + url
                  + " is larger than "
                  + MAX_BYTES
                  + " bytes; it is not a"
                  + " .sha512 file. Check the S3 endpoint or mirror",
              null);
        }
        if (length >= 0 && bytes.length != length) {
          throw RetryableFailure.resumable(
              "the digest file ended at byte " + bytes.length + " of " + length + " (truncated)",
              null);
        }
        return new String(bytes, StandardCharsets.US_ASCII);
      }
    } catch (IOException e) {
      connection.disconnect();
      throw http.classify(url, e, attempt, "reading the digest");
    }
  }
}
