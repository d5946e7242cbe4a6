package dev.mgnagent.mgn.internal;

import dev.mgnagent.ProxyRoute;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.mgn.MgnClient;

/**
 * The {@link MgnClient}s of many installations that run at once (a fleet's hosts): one client,
 * built by {@link MgnClientFactory}, for each region, endpoint, retry strategy, proxy route and set
 * of credentials, shared by every installation that asks for the same. Building a client and its
 * first call cost far more CPU than a call, and each client starts threads of its own; a fleet
 * whose hosts all use the same keys needs one. Clients handed out are not to be closed by their
 * users: {@link #close()} closes them all once every installation has ended.
 *
 * <p>Credentials count as the same when they resolve to the same key ID, secret key and session
 * token (short-lived credentials minted for a batch of hosts get a client of their own), or, for a
 * provider given as service credentials, when it is the same provider object. Thread-safe.
 */
public final class SharedMgnClients implements AutoCloseable {

  private final Map<Key, MgnClient> clients = new HashMap<>();
  private int built;
  private boolean closed;

  /**
   * The shared client for these settings, built at the first request.
   *
   * @param provider the credentials the calls are signed with
   * @param providerIsShared whether {@code provider} is one object many installations use (then it
   *     is compared by identity and never resolved here); otherwise its credentials are compared
   * @throws IllegalStateException once closed
   */
  public synchronized MgnClient get(
      Region region,
      AwsCredentialsProvider provider,
      boolean providerIsShared,
      Optional<URI> endpoint,
      Optional<RetryStrategy> retries,
      ProxyRoute route) {
    if (closed) {
      throw new IllegalStateException("these shared MGN clients are closed");
    }
    Object credentials = providerIsShared ? provider : Values.of(provider.resolveCredentials());
    Key key = new Key(region, credentials, endpoint, retries.orElse(null), route);
    MgnClient client = clients.get(key);
    if (client == null) {
      client =
          MgnClientFactory.create(
              region,
              Optional.of(provider),
              endpoint,
              retries,
              route,
              MgnClientFactory.ATTEMPT_TIMEOUT,
              MgnClientFactory.CALL_TIMEOUT);
      clients.put(key, client);
      built++;
    }
    return client;
  }

  /** Whether {@link #close()} was called. */
  public synchronized boolean isClosed() {
    return closed;
  }

  /** How many clients were built so far (closed ones included). */
  public synchronized int built() {
    return built;
  }

  /** Closes every client handed out; later requests fail. Idempotent. */
  @Override
  public void close() {
    List<MgnClient> all;
    synchronized (this) {
      closed = true;
      all = new ArrayList<>(clients.values());
      clients.clear();
    }
    for (MgnClient client : all) {
      try {
        client.close();
      } catch (RuntimeException e) {
        // the others are closed all the same
      }
    }
  }

  @Override
  public synchronized String toString() {
    return "SharedMgnClients[" + built + " client(s) built" + (closed ? ", closed" : "") + "]";
  }

  /** What makes two clients the same; never printed (it holds credential values). */
  private static final class Key {
    private final Region region;
    private final Object credentials;
    private final Optional<URI> endpoint;
    private final RetryStrategy retries;
    private final ProxyRoute route;

    Key(
        Region region,
        Object credentials,
        Optional<URI> endpoint,
        RetryStrategy retries,
        ProxyRoute route) {
      this.region = region;
      this.credentials = credentials;
      this.endpoint = endpoint;
      this.retries = retries;
      this.route = route;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && region.equals(k.region)
          && credentials.equals(k.credentials)
          && endpoint.equals(k.endpoint)
          && retries == k.retries
          && route.equals(k.route);
    }

    @Override
    public int hashCode() {
      return Objects.hash(region, credentials, endpoint, System.identityHashCode(retries), route);
    }

    @Override
    public String toString() {
      return "Key[" + region + "]";
    }
  }

  /** Resolved credentials compared by value; never printed. */
  private static final class Values {
    private final String accessKeyId;
    private final String secretAccessKey;
    private final String sessionToken;

    private Values(String accessKeyId, String secretAccessKey, String sessionToken) {
      this.accessKeyId = accessKeyId;
      this.secretAccessKey = secretAccessKey;
      this.sessionToken = sessionToken;
    }

    static Values of(AwsCredentials credentials) {
      return new Values(
          credentials.accessKeyId(),
          credentials.secretAccessKey(),
          credentials instanceof AwsSessionCredentials session ? session.sessionToken() : "");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Values v
          && accessKeyId.equals(v.accessKeyId)
          && secretAccessKey.equals(v.secretAccessKey)
          && sessionToken.equals(v.sessionToken);
    }

    @Override
    public int hashCode() {
      return Objects.hash(accessKeyId, secretAccessKey, sessionToken);
    }

    @Override
    public String toString() {
      return "Values[" + accessKeyId + "]";
    }
  }
}
