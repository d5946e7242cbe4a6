package dev.mgnagent.installer;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.selection.Selection;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
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
    userProvidedId.flatMap(RegistrationRequest::userProvidedIdProblem).ifPresent(problem -> {
      throw new InvalidRequestException("userProvidedId", "userProvidedId " + problem);
    });
    if (tags.size() > MAX_TAGS) {
      throw new InvalidRequestException("tags", tags.size() + " tags given; MGN takes at most "
          + MAX_TAGS);
    }
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      String key = tag.getKey();
      if (key.isEmpty() || key.length() > MAX_TAG_KEY || key.regionMatches(true, 0, "aws:", 0, 4)) {
        throw new InvalidRequestException("tags", "the tag key \"" + key + "\" must have 1 to "
            + MAX_TAG_KEY + " characters and must not start with aws:");
      }
      if (tag.getValue().length() > MAX_TAG_VALUE) {
        throw new InvalidRequestException("tags", "the value of the tag \"" + key + "\" is longer"
            + " than " + MAX_TAG_VALUE + " characters");
      }
    }
  }

  private static final int MAX_TAGS = 50;
  private static final int MAX_TAG_KEY = 128;
  private static final int MAX_TAG_VALUE = 256;
  private static final int MAX_USER_PROVIDED_ID = 256;
  /** MGN's pattern for {@code userProvidedID}: no blank but single inner spaces, no NUL. */
  private static final Pattern USER_PROVIDED_ID = Pattern.compile("[^\\s\\x00]( *[^\\s\\x00])*");

  /**
   * What MGN would refuse in a {@code userProvidedID} (1 to 256 characters matching {@code
   * ^[^\s\x00]( *[^\s\x00])*$}), as the end of a sentence; empty when it is fine.
   */
  public static Optional<String> userProvidedIdProblem(String id) {
    if (id.isEmpty() || id.length() > MAX_USER_PROVIDED_ID) {
      return Optional.of("must have 1 to " + MAX_USER_PROVIDED_ID + " characters");
    }
    if (!USER_PROVIDED_ID.matcher(id).matches()) {
      return Optional.of("must not start or end with a blank, nor hold tabs, line breaks or NUL"
          + " (MGN's pattern ^[^\\s\\x00]( *[^\\s\\x00])*$)");
    }
    return Optional.empty();
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
