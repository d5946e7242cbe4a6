package dev.mgnagent.testkit.mgn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * An HTTP client that changes a request after the SDK signed it, the way a man in the middle would,
 * before sending it with the URL-connection client.
 */
final class TamperingHttpClient implements SdkHttpClient {
  private final SdkHttpClient delegate = UrlConnectionHttpClient.create();
  private final UnaryOperator<SdkHttpRequest> request;
  private final UnaryOperator<byte[]> body;
  volatile SdkHttpRequest lastSigned;

  private TamperingHttpClient(UnaryOperator<SdkHttpRequest> request, UnaryOperator<byte[]> body) {
    this.request = request;
    this.body = body;
  }

  static TamperingHttpClient request(UnaryOperator<SdkHttpRequest> change) {
    return new TamperingHttpClient(change, b -> b);
  }

  /** Changes the body; keep its length, or the Content-Length header goes wrong. */
  static TamperingHttpClient body(UnaryOperator<byte[]> change) {
    return new TamperingHttpClient(r -> r, change);
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest original) {
    lastSigned = original.httpRequest();
    byte[] bytes = original.contentStreamProvider().map(TamperingHttpClient::read).orElse(null);
    HttpExecuteRequest.Builder changed =
        HttpExecuteRequest.builder().request(request.apply(original.httpRequest()));
    if (bytes != null) {
      byte[] newBody = body.apply(bytes);
      changed.contentStreamProvider(ContentStreamProvider.fromByteArray(newBody));
    }
    return delegate.prepareRequest(changed.build());
  }

  private static byte[] read(ContentStreamProvider provider) {
    try (InputStream in = provider.newStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    delegate.close();
  }
}
