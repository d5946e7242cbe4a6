package dev.mgnagent.credentials;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Secret;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Picks AWS credentials in mgn-agent's order: explicit keys, then a named profile, then the keys in
 * the host's environment, then the AWS default chain. The environment is passed in (core never
 * reads {@code System.getenv()}), so a caller decides which variables count.
 */
public final class CredentialsResolver {

  private final Optional<String> accessKeyId;
  private final Optional<Secret> secretAccessKey;
  private final Optional<Secret> sessionToken;
  private final Optional<String> profile;
  private final Map<String, String> environment;

  private CredentialsResolver(Builder builder) {
    this.accessKeyId = Optional.ofNullable(builder.accessKeyId);
    this.secretAccessKey = Optional.ofNullable(builder.secretAccessKey);
    this.sessionToken = Optional.ofNullable(builder.sessionToken);
    this.profile = Optional.ofNullable(builder.profile);
    this.environment = Map.copyOf(builder.environment);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The credentials to use. Nothing is sent anywhere: a profile is checked against the profile
   * files, the default chain is only named.
   *
   * @throws InvalidRequestException for half of a key pair or a profile that does not exist
   */
  public ResolvedCredentials resolve() {
    if (accessKeyId.isPresent() != secretAccessKey.isPresent()) {
      throw new InvalidRequestException(
          "accessKeyId", "accessKeyId and secretAccessKey go together; give both or neither");
    }
    if (accessKeyId.isPresent()) {
      return new ResolvedCredentials(
          StaticCredentialsProvider.create(
              credentials(accessKeyId.get(), secretAccessKey.get(), sessionToken)),
          CredentialsSource.EXPLICIT,
          "access key " + accessKeyId.get());
    }
    if (profile.isPresent()) {
      return profile(profile.get());
    }
    String envKey = environment.get("AWS_ACCESS_KEY_ID");
    String envSecret = environment.get("AWS_SECRET_ACCESS_KEY");
    if (envKey != null && !envKey.isBlank() && envSecret != null && !envSecret.isBlank()) {
      Optional<Secret> token =
          Optional.ofNullable(environment.get("AWS_SESSION_TOKEN"))
              .filter(t -> !t.isBlank())
              .map(Secret::of);
      return new ResolvedCredentials(
          StaticCredentialsProvider.create(credentials(envKey, Secret.of(envSecret), token)),
          CredentialsSource.ENVIRONMENT,
          "AWS_ACCESS_KEY_ID " + envKey);
    }
    return new ResolvedCredentials(
        DefaultCredentialsProvider.builder().build(),
        CredentialsSource.DEFAULT_CHAIN,
        "the AWS default credentials chain");
  }

  private ResolvedCredentials profile(String name) {
    ProfileFile files = profileFiles();
    if (files.profile(name).isEmpty()) {
      throw new InvalidRequestException(
          "profile",
          "profile " + name + ": no such profile in" + " the AWS config or credentials file");
    }
    return new ResolvedCredentials(
        ProfileCredentialsProvider.builder().profileFile(files).profileName(name).build(),
        CredentialsSource.PROFILE,
        "profile '" + name + "'");
  }

  /**
   * The shared files, honouring AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE from the
   * environment.
   */
  private ProfileFile profileFiles() {
    String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
    Path config = Path.of(environment.getOrDefault("AWS_CONFIG_FILE", home + "/.aws/config"));
    Path credentials =
        Path.of(
            environment.getOrDefault("AWS_SHARED_CREDENTIALS_FILE", home + "/.aws/credentials"));
    ProfileFile.Aggregator files = ProfileFile.aggregator();
    if (config.toFile().isFile()) {
      files.addFile(
          ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build());
    }
    if (credentials.toFile().isFile()) {
      files.addFile(
          ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build());
    }
    return files.build();
  }

  private static AwsCredentials credentials(String keyId, Secret secret, Optional<Secret> token) {
    return token
        .<AwsCredentials>map(t -> AwsSessionCredentials.create(keyId, secret.reveal(), t.reveal()))
        .orElseGet(() -> AwsBasicCredentials.create(keyId, secret.reveal()));
  }

  /** Configures a {@link CredentialsResolver}; everything is optional. */
  public static final class Builder {
    private String accessKeyId;
    private Secret secretAccessKey;
    private Secret sessionToken;
    private String profile;
    private Map<String, String> environment = Map.of();

    private Builder() {}

    public Builder accessKeyId(String accessKeyId) {
      this.accessKeyId = accessKeyId;
      return this;
    }

    public Builder secretAccessKey(Secret secretAccessKey) {
      this.secretAccessKey = secretAccessKey;
      return this;
    }

    public Builder sessionToken(Secret sessionToken) {
      this.sessionToken = sessionToken;
      return this;
    }

    public Builder profile(String profile) {
      this.profile = profile;
      return this;
    }

    /** The host environment to read {@code AWS_*} variables and {@code HOME} from. */
    public Builder environment(Map<String, String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    public CredentialsResolver build() {
      return new CredentialsResolver(this);
    }
  }
}
