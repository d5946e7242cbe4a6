package dev.mgnagent.installer;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Regions;
import dev.mgnagent.Tags;
import dev.mgnagent.selection.Selection;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * What {@link AgentRegistrar} installs: the installer's parameters as types. Built with {@link
 * #builder()}, checked by {@link Builder#build()}; {@link #toBuilder()} gives a builder holding
 * these values.
 *
 * <pre>{@code
 * RegistrationRequest request = RegistrationRequest.builder()
 *     .region(Region.EU_WEST_3)
 *     .credentials(installerKeys)
 *     .selection(selection)
 *     .build();
 * }</pre>
 */
public final class RegistrationRequest {

  private final Region region;
  private final AwsCredentialsProvider credentials;
  private final Selection selection;
  private final Tags tags;
  private final Optional<URI> endpoint;
  private final Optional<URI> s3Endpoint;
  private final Optional<String> userProvidedId;
  private final boolean noReplication;
  private final boolean dualstack;
  private final boolean allowSecretOnCommandLine;

  private RegistrationRequest(Builder b) {
    this.region = b.region;
    this.credentials = b.credentials;
    this.selection = b.selection;
    this.tags = b.tags;
    this.endpoint = Optional.ofNullable(b.endpoint);
    this.s3Endpoint = Optional.ofNullable(b.s3Endpoint);
    this.userProvidedId = Optional.ofNullable(b.userProvidedId);
    this.noReplication = b.noReplication;
    this.dualstack = b.dualstack;
    this.allowSecretOnCommandLine = b.allowSecretOnCommandLine;
  }

  /** A builder; region, credentials and selection are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this request's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Where the source server is registered. */
  public Region region() {
    return region;
  }

  /** The installer's credentials; the secret and token are typed at its prompts. */
  public AwsCredentialsProvider credentials() {
    return credentials;
  }

  /** The disks to replicate (a forced selection is passed as forced volumes). */
  public Selection selection() {
    return selection;
  }

  /** Resource tags for a new source server, in order. */
  public Tags tags() {
    return tags;
  }

  /** An MGN PrivateLink (or fake) endpoint. */
  public Optional<URI> endpoint() {
    return endpoint;
  }

  /** An S3 VPC endpoint. */
  public Optional<URI> s3Endpoint() {
    return s3Endpoint;
  }

  /** An ID of the caller's own for the source server. */
  public Optional<String> userProvidedId() {
    return userProvidedId;
  }

  /** Install without starting replication. */
  public boolean noReplication() {
    return noReplication;
  }

  /** Reach MGN over its dual-stack endpoint (needs {@link #endpoint()}). */
  public boolean dualstack() {
    return dualstack;
  }

  /**
   * The opt-in that forced volumes need: the secret then goes on the installer's command line,
   * where other local users may see it.
   */
  public boolean allowSecretOnCommandLine() {
    return allowSecretOnCommandLine;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RegistrationRequest other
        && region.equals(other.region)
        && credentials.equals(other.credentials)
        && selection.equals(other.selection)
        && tags.equals(other.tags)
        && endpoint.equals(other.endpoint)
        && s3Endpoint.equals(other.s3Endpoint)
        && userProvidedId.equals(other.userProvidedId)
        && noReplication == other.noReplication
        && dualstack == other.dualstack
        && allowSecretOnCommandLine == other.allowSecretOnCommandLine;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        region,
        credentials,
        selection,
        tags,
        endpoint,
        s3Endpoint,
        userProvidedId,
        noReplication,
        dualstack,
        allowSecretOnCommandLine);
  }

  @Override
  public String toString() {
    return "RegistrationRequest[region="
        + region
        + ", selection="
        + selection
        + ", tags="
        + tags
        + ", endpoint="
        + endpoint
        + ", s3Endpoint="
        + s3Endpoint
        + ", userProvidedId="
        + userProvidedId
        + ", noReplication="
        + noReplication
        + ", dualstack="
        + dualstack
        + ", allowSecretOnCommandLine="
        + allowSecretOnCommandLine
        + "]";
  }

  /** Builds a {@link RegistrationRequest}; setters take no nulls. Not thread-safe. */
  public static final class Builder {
    private Region region;
    private AwsCredentialsProvider credentials;
    private Selection selection;
    private Tags tags = Tags.empty();
    private URI endpoint;
    private URI s3Endpoint;
    private String userProvidedId;
    private boolean noReplication;
    private boolean dualstack;
    private boolean allowSecretOnCommandLine;

    private Builder() {}

    private Builder(RegistrationRequest r) {
      this.region = r.region;
      this.credentials = r.credentials;
      this.selection = r.selection;
      this.tags = r.tags;
      this.endpoint = r.endpoint.orElse(null);
      this.s3Endpoint = r.s3Endpoint.orElse(null);
      this.userProvidedId = r.userProvidedId.orElse(null);
      this.noReplication = r.noReplication;
      this.dualstack = r.dualstack;
      this.allowSecretOnCommandLine = r.allowSecretOnCommandLine;
    }

    /** Where the source server is registered (required). */
    public Builder region(Region region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /** The installer's credentials (required). */
    public Builder credentials(AwsCredentialsProvider credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /** The disks to replicate (required). */
    public Builder selection(Selection selection) {
      this.selection = Objects.requireNonNull(selection, "selection");
      return this;
    }

    /** Resource tags for a new source server (default: none). */
    public Builder tags(Tags tags) {
      this.tags = Objects.requireNonNull(tags, "tags");
      return this;
    }

    /** An MGN PrivateLink (or fake) endpoint. */
    public Builder endpoint(URI endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    /** An S3 VPC endpoint. */
    public Builder s3Endpoint(URI s3Endpoint) {
      this.s3Endpoint = Objects.requireNonNull(s3Endpoint, "s3Endpoint");
      return this;
    }

    /** An ID of the caller's own for the source server. */
    public Builder userProvidedId(String userProvidedId) {
      this.userProvidedId = Objects.requireNonNull(userProvidedId, "userProvidedId");
      return this;
    }

    /** Install without starting replication. */
    public Builder noReplication(boolean noReplication) {
      this.noReplication = noReplication;
      return this;
    }

    /** Reach MGN over its dual-stack endpoint; needs {@link #endpoint(URI)}. */
    public Builder dualstack(boolean dualstack) {
      this.dualstack = dualstack;
      return this;
    }

    /** Accept the secret on the installer's command line, which forced volumes need. */
    public Builder allowSecretOnCommandLine(boolean allow) {
      this.allowSecretOnCommandLine = allow;
      return this;
    }

    /**
     * The request.
     *
     * @throws InvalidRequestException naming the missing or malformed value by its builder name
     */
    public RegistrationRequest build() {
      if (region == null) {
        throw new InvalidRequestException(
            "region", "region: no region given; name one such as" + " us-east-1");
      }
      Regions.requireWellFormed("region", region.id());
      if (credentials == null) {
        throw new InvalidRequestException("credentials", "credentials are required");
      }
      if (selection == null) {
        throw new InvalidRequestException("selection", "selection is required");
      }
      if (dualstack && endpoint == null) {
        throw new InvalidRequestException(
            "dualstack",
            "dualstack needs an endpoint, MGN's"
                + " dual-stack endpoint (mgn.dualstack."
                + region.id()
                + ".amazonaws.com)");
      }
      if (userProvidedId != null) {
        userProvidedIdProblem(userProvidedId)
            .ifPresent(
                problem -> {
                  throw new InvalidRequestException("userProvidedId", "userProvidedId " + problem);
                });
      }
      return new RegistrationRequest(this);
    }
  }

  private static final int MAX_USER_PROVIDED_ID = 256;

  /**
   * MGN's pattern for {@code userProvidedID}: no blank at the ends, single inner spaces, no NUL.
   */
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
      return Optional.of(
          "must not start or end with a blank, nor hold tabs, line breaks or NUL"
              + " (MGN's pattern ^[^\\s\\x00]( *[^\\s\\x00])*$)");
    }
    return Optional.empty();
  }
}
