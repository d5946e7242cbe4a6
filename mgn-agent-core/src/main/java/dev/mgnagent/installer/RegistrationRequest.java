package dev.mgnagent.installer;

import dev.mgnagent.selection.Selection;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * What to install: the installer's parameters as types (facts, section 2).
 *
 * @param region where the source server is registered
 * @param credentials the installer's credentials; the secret and token are typed at its prompts
 * @param selection the disks to replicate (a forced selection is passed with {@code
 *     --force-volumes})
 * @param tags resource tags for a new source server
 * @param endpoint an MGN PrivateLink (or fake) endpoint, {@code --endpoint}
 * @param s3Endpoint an S3 VPC endpoint, {@code --s3-endpoint}
 * @param userProvidedId {@code --user-provided-id}
 * @param noReplication install without starting replication
 * @param dualstack {@code --dualstack} (needs {@code endpoint})
 * @param allowSecretOnCommandLine the opt-in that {@code --force-volumes} needs: the secret then
 *     goes on the installer's command line, where other local users may see it
 */
public record RegistrationRequest(
    Region region,
    AwsCredentialsProvider credentials,
    Selection selection,
    Map<String, String> tags,
    Optional<URI> endpoint,
    Optional<URI> s3Endpoint,
    Optional<String> userProvidedId,
    boolean noReplication,
    boolean dualstack,
    boolean allowSecretOnCommandLine) {

  public RegistrationRequest {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(selection, "selection");
    tags = Map.copyOf(new LinkedHashMap<>(tags));
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(s3Endpoint, "s3Endpoint");
    Objects.requireNonNull(userProvidedId, "userProvidedId");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RegistrationRequest}; region, credentials and selection are required. */
  public static final class Builder {
    private Region region;
    private AwsCredentialsProvider credentials;
    private Selection selection;
    private Map<String, String> tags = Map.of();
    private URI endpoint;
    private URI s3Endpoint;
    private String userProvidedId;
    private boolean noReplication;
    private boolean dualstack;
    private boolean allowSecretOnCommandLine;

    private Builder() {}

    public Builder region(Region region) {
      this.region = region;
      return this;
    }

    public Builder credentials(AwsCredentialsProvider credentials) {
      this.credentials = credentials;
      return this;
    }

    public Builder selection(Selection selection) {
      this.selection = selection;
      return this;
    }

    public Builder tags(Map<String, String> tags) {
      this.tags = tags;
      return this;
    }

    public Builder endpoint(URI endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    public Builder s3Endpoint(URI s3Endpoint) {
      this.s3Endpoint = s3Endpoint;
      return this;
    }

    public Builder userProvidedId(String userProvidedId) {
      this.userProvidedId = userProvidedId;
      return this;
    }

    public Builder noReplication(boolean noReplication) {
      this.noReplication = noReplication;
      return this;
    }

    public Builder dualstack(boolean dualstack) {
      this.dualstack = dualstack;
      return this;
    }

    public Builder allowSecretOnCommandLine(boolean allow) {
      this.allowSecretOnCommandLine = allow;
      return this;
    }

    public RegistrationRequest build() {
      return new RegistrationRequest(region, credentials, selection, tags,
          Optional.ofNullable(endpoint), Optional.ofNullable(s3Endpoint),
          Optional.ofNullable(userProvidedId), noReplication, dualstack, allowSecretOnCommandLine);
    }
  }
}
