import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Why InstallerVerifier uses HttpURLConnection: reads URL's body (discarding it) with
 * HttpURLConnection and with the JDK HttpClient (InputStream body), several rounds each, in one
 * JVM, and prints the times. Usage: java bench/HttpClientChoice.java URL [ROUNDS]
 */
public class HttpClientChoice {

  public static void main(String[] args) throws Exception {
    URI url = URI.create(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    byte[] buffer = new byte[1 << 20];
    HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
    for (int round = 1; round <= rounds; round++) {
      long start = System.nanoTime();
      HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection(Proxy.NO_PROXY);
      long a = drain(connection.getInputStream(), buffer);
      long urlConnectionMs = (System.nanoTime() - start) / 1_000_000;

      start = System.nanoTime();
      HttpResponse<InputStream> response =
          client.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofInputStream());
      long b = drain(response.body(), buffer);
      long httpClientMs = (System.nanoTime() - start) / 1_000_000;
      System.out.printf("round %d: HttpURLConnection %d ms (%d bytes), HttpClient %d ms (%d bytes)%n",
          round, urlConnectionMs, a, httpClientMs, b);
    }
  }

  private static long drain(InputStream in, byte[] buffer) throws Exception {
    long total = 0;
    try (in) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        total += n;
      }
    }
    return total;
  }
}
