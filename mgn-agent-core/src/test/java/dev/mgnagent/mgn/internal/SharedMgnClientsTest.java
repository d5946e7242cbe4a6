package dev.mgnagent.mgn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.ProxyRoute;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mgn.MgnClient;

/**
 * The MGN clients a fleet's installations share: the same settings and credential values give the
 * same client, whatever provider object carries them; any difference gives another client; close
 * ends them all. No client here makes a call.
 */
class SharedMgnClientsTest {

  static final String KEY_ID = "AKIASHAREDCLIENTS001";
  static final String SECRET = "SharedClientsSecret+notARealKey/K7MDENGbPx";
  static final Optional<URI> ENDPOINT = Optional.of(URI.create("http://127.0.0.1:9"));

  private static AwsCredentialsProvider keys(String id, String secret) {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(id, secret));
  }

  private static MgnClient get(SharedMgnClients clients, AwsCredentialsProvider provider) {
    return clients.get(
        Region.EU_WEST_3, provider, false, ENDPOINT, Optional.empty(), ProxyRoute.DIRECT);
  }

  @Test
  void equalCredentialsFromDifferentProvidersShareOneClient() {
    try (SharedMgnClients clients = new SharedMgnClients()) {
      MgnClient first = get(clients, keys(KEY_ID, SECRET));
      MgnClient second = get(clients, keys(KEY_ID, SECRET));

      assertThat(second).isSameAs(first);
      assertThat(clients.built()).isEqualTo(1);
    }
  }

  @Test
  void anyDifferenceInCredentialsOrSettingsGivesAnotherClient() {
    try (SharedMgnClients clients = new SharedMgnClients()) {
      MgnClient base = get(clients, keys(KEY_ID, SECRET));

      assertThat(get(clients, keys(KEY_ID, SECRET + "x"))).isNotSameAs(base);
      assertThat(get(clients, keys("AKIASHAREDCLIENTS002", SECRET))).isNotSameAs(base);
      MgnClient session =
          get(
              clients,
              StaticCredentialsProvider.create(
                  AwsSessionCredentials.create(KEY_ID, SECRET, "token-one")));
      MgnClient otherSession =
          get(
              clients,
              StaticCredentialsProvider.create(
                  AwsSessionCredentials.create(KEY_ID, SECRET, "token-two")));
      assertThat(session).isNotSameAs(base).isNotSameAs(otherSession);
      assertThat(
              clients.get(
                  Region.US_EAST_1,
                  keys(KEY_ID, SECRET),
                  false,
                  ENDPOINT,
                  Optional.empty(),
                  ProxyRoute.DIRECT))
          .isNotSameAs(base);
      assertThat(
              clients.get(
                  Region.EU_WEST_3,
                  keys(KEY_ID, SECRET),
                  false,
                  Optional.of(URI.create("http://127.0.0.1:10")),
                  Optional.empty(),
                  ProxyRoute.DIRECT))
          .isNotSameAs(base);
      assertThat(clients.built()).isEqualTo(7);
    }
  }

  @Test
  void aSharedServiceProviderIsComparedByIdentityAndNeverResolved() {
    AwsCredentialsProvider neverResolved =
        () -> {
          throw new AssertionError("a shared service provider is not resolved to compare it");
        };
    try (SharedMgnClients clients = new SharedMgnClients()) {
      MgnClient first =
          clients.get(
              Region.EU_WEST_3, neverResolved, true, ENDPOINT, Optional.empty(), ProxyRoute.DIRECT);
      MgnClient again =
          clients.get(
              Region.EU_WEST_3, neverResolved, true, ENDPOINT, Optional.empty(), ProxyRoute.DIRECT);
      assertThat(again).isSameAs(first);
    }
  }

  @Test
  void afterCloseNoClientIsHandedOutAndNothingPrintsTheSecret() {
    SharedMgnClients clients = new SharedMgnClients();
    get(clients, keys(KEY_ID, SECRET));
    assertThat(clients.toString()).doesNotContain(SECRET).contains("1 client");

    clients.close();
    clients.close(); // idempotent

    assertThatThrownBy(() -> get(clients, keys(KEY_ID, SECRET)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThat(clients.isClosed()).isTrue();
  }
}
