package dev.mgnagent.installer.internal;

import dev.mgnagent.installer.InstallerDownloadException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * Opens GET requests with {@link HttpURLConnection}: on loopback it keeps up with curl, where the
 * JDK {@code HttpClient} with an {@code InputStream} body measured about 3x slower. Its read
 * timeout is the stall timeout. Redirects are not followed (S3 does not redirect a correct
 * request); the proxy applies to {@code https} URLs only, except for hosts on the {@code no_proxy}
 * list.
 */
final class HttpGet {

  private final VerifierSettings settings;

  HttpGet(VerifierSettings settings) {
    this.settings = settings;
  }

  /**
   * Sends the request and waits for the status line.
   *
   * @throws RetryableFailure on connection failures and stalls
   * @throws InstallerDownloadException on TLS and name resolution failures
   */
  HttpURLConnection send(URI url, Map<String, String> headers, int attempt)
      throws RetryableFailure {
    HttpURLConnection connection;
    try {
      Proxy proxy =
          "https".equalsIgnoreCase(url.getScheme())
                  && settings.httpsProxy().isPresent()
                  && !settings.noProxy().bypasses(url.getHost())
              ? settings.httpsProxy().get().toProxy()
              : Proxy.NO_PROXY;
      connection = (HttpURLConnection) url.toURL().openConnection(proxy);
    } catch (IOException | IllegalArgumentException e) {
      throw new InstallerDownloadException(
          url, attempt, -1, "cannot open " + url + ": " + e.getMessage(), e);
    }
    connection.setConnectTimeout(millis(settings.connectTimeout().toMillis()));
    connection.setReadTimeout(millis(settings.stallTimeout().toMillis()));
    connection.setInstanceFollowRedirects(false);
    connection.setUseCaches(false);
    connection.setRequestProperty("User-Agent", "mgn-agent");
    connection.setRequestProperty("Accept-Encoding", "identity");
    headers.forEach(connection::setRequestProperty);
    try {
      connection.getResponseCode();
      return connection;
    } catch (IOException e) {
      connection.disconnect();
      throw classify(url, e, attempt, "no answer");
    }
  }

  /**
   * Turns an I/O failure into a retryable failure, or throws for failures that retrying does not
   * fix (TLS, unknown host).
   */
  RetryableFailure classify(URI url, IOException e, int attempt, String phase) {
    if (e instanceof SSLException ssl) {
      throw new InstallerDownloadException(
          url, attempt, -1, FailureExplanations.forTls(url, ssl), e);
    }
    if (e instanceof UnknownHostException) {
      throw new InstallerDownloadException(
          url,
          attempt,
          -1,
          "cannot resolve host "
              + url.getHost()
              + ": check the region and the S3 endpoint name, DNS, or set https_proxy if this"
              + " server reaches the internet through a proxy",
          e);
    }
    if (e instanceof SocketTimeoutException) {
      return RetryableFailure.resumable(
          phase
              + ": no byte from "
              + url.getHost()
              + " for "
              + settings.stallTimeout().toSeconds()
              + " s (stalled or timed out)",
          e);
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      return RetryableFailure.resumable(
          "cannot connect to "
              + url.getHost()
              + port(url)
              + " ("
              + e.getMessage()
              + "); check the network, firewalls (TCP "
              + defaultPort(url)
              + ") and https_proxy",
          e);
    }
    return RetryableFailure.resumable(
        phase + ": " + (e.getMessage() == null ? "connection failed" : e.getMessage()), e);
  }

  /** The first few kilobytes of an error body, for the S3 error code. */
  static String errorBody(HttpURLConnection connection) {
    try (InputStream in = connection.getErrorStream()) {
      if (in == null) {
        return "";
      }
      return new String(in.readNBytes(4096), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static String port(URI url) {
    return url.getPort() < 0 ? "" : ":" + url.getPort();
  }

  private static String defaultPort(URI url) {
    return url.getPort() >= 0
        ? String.valueOf(url.getPort())
        : "https".equals(url.getScheme()) ? "443" : "80";
  }

  private static int millis(long millis) {
    return (int) Math.min(Integer.MAX_VALUE, Math.max(1, millis));
  }
}
