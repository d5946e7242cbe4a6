package dev.mgnagent.credentials;

import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The credentials provider to use and where it comes from. Never holds a secret in its text.
 *
 * @param provider the provider to hand to AWS clients
 * @param source where the credentials come from
 * @param description for people, such as {@code profile 'migration'}; never the secret
 */
public record ResolvedCredentials(
    AwsCredentialsProvider provider, CredentialsSource source, String description) {

  public ResolvedCredentials {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(description, "description");
  }

  @Override
  public String toString() {
    return "ResolvedCredentials[" + source + ", " + description + "]";
  }
}
