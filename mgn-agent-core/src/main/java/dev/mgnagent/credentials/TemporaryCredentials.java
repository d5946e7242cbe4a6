package dev.mgnagent.credentials;

import dev.mgnagent.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * A set of short-lived AWS credentials (an access key ID, a secret key, a session token) and the
 * instant they expire, such as those STS {@code AssumeRole} returns. The secret key and the token
 * stay in {@link Secret}s: {@link #toString()} shows only the access key ID and the expiry.
 */
public final class TemporaryCredentials {

  private final String accessKeyId;
  private final Secret secretAccessKey;
  private final Secret sessionToken;
  private final Instant expiration;

  /**
   * @param accessKeyId the access key ID ({@code ASIA...})
   * @param secretAccessKey the secret access key
   * @param sessionToken the session token
   * @param expiration when they stop working
   */
  public TemporaryCredentials(
      String accessKeyId, Secret secretAccessKey, Secret sessionToken, Instant expiration) {
    this.accessKeyId = Objects.requireNonNull(accessKeyId, "accessKeyId");
    this.secretAccessKey = Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    this.sessionToken = Objects.requireNonNull(sessionToken, "sessionToken");
    this.expiration = Objects.requireNonNull(expiration, "expiration");
  }

  /** The access key ID; not secret. */
  public String accessKeyId() {
    return accessKeyId;
  }

  /** The secret access key. */
  public Secret secretAccessKey() {
    return secretAccessKey;
  }

  /** The session token. */
  public Secret sessionToken() {
    return sessionToken;
  }

  /** When these credentials stop working. */
  public Instant expiration() {
    return expiration;
  }

  /**
   * Whether these credentials stop working before {@code now + window} (or exactly then): a set
   * that expires within the window is too short-lived for work that may last that long.
   */
  public boolean expiresWithin(Duration window, Instant now) {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(now, "now");
    return !expiration.isAfter(now.plus(window));
  }

  /** The same credentials for an AWS SDK client. */
  public AwsSessionCredentials toAwsCredentials() {
    return AwsSessionCredentials.create(
        accessKeyId, secretAccessKey.reveal(), sessionToken.reveal());
  }

  /** The access key ID and the expiry; never the secret key or the token. */
  @Override
  public String toString() {
    return "TemporaryCredentials[" + accessKeyId + ", expires " + expiration + "]";
  }
}
