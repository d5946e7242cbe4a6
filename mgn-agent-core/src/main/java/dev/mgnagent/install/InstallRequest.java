package dev.mgnagent.install;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.installer.RegistrationRequest;
import dev.mgnagent.Secret;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.internal.Regions;
import dev.mgnagent.internal.Shown;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything {@code mgn-agent install} is asked to do: the installer's own parameters (facts,
 * section 2) and mgn-agent's. Built with {@link #builder()}; {@link Builder#build()} checks every
 * value before anything is contacted or started.
 *
 * @param region where to register the server
 * @param accessKeyId {@code --aws-access-key-id}
 * @param secretAccessKey {@code --aws-secret-access-key}; never shown
 * @param sessionToken {@code --aws-session-token}; never shown
 * @param profile {@code --profile}
 * @param devices {@code --devices}
 * @param forceVolumes {@code --force-volumes}
 * @param noPrompt {@code --no-prompt}
 * @param tags {@code --tags}, already checked
 * @param s3Endpoint {@code --s3-endpoint}
 * @param endpoint {@code --endpoint}
 * @param userProvidedId {@code --user-provided-id}
 * @param noReplication {@code --no-replication}
 * @param dualstack {@code --dualstack}
 * @param flavor the binary installer or the Python one
 * @param initializeService initialize MGN in the region when it is not
 * @param skipPreflight go on even when a preflight check fails
 * @param allowSecretOnCommandLine the opt-in {@code --force-volumes} needs
 * @param watch follow the initial sync after installing
 */
public record InstallRequest(
    String region,
    Optional<String> accessKeyId,
    Optional<Secret> secretAccessKey,
    Optional<Secret> sessionToken,
    Optional<String> profile,
    Optional<String> devices,
    boolean forceVolumes,
    boolean noPrompt,
    Map<String, String> tags,
    Optional<URI> s3Endpoint,
    Optional<URI> endpoint,
    Optional<String> userProvidedId,
    boolean noReplication,
    boolean dualstack,
    InstallerFlavor flavor,
    boolean initializeService,
    boolean skipPreflight,
    boolean allowSecretOnCommandLine,
    boolean watch) {

  private static final Pattern ACCESS_KEY_ID = Pattern.compile("[A-Z0-9]{16,128}");

  /** Secret keys are 40 characters today; this leaves room without taking a pasted file. */
  static final int MAX_SECRET = 1024;

  /** Session tokens run to a few kilobytes. */
  static final int MAX_SESSION_TOKEN = 16 * 1024;

  /** Text the installer gets on its command line or stdin: one line, without control characters. */
  static final int MAX_TEXT = 256;

  public InstallRequest {
    Regions.requireWellFormed("--region", region);
    Objects.requireNonNull(flavor, "flavor");
    tags = Map.copyOf(tags);
    if (accessKeyId.isPresent() && !ACCESS_KEY_ID.matcher(accessKeyId.get()).matches()) {
      throw new InvalidRequestException("--aws-access-key-id", "--aws-access-key-id "
          + Shown.quoted(accessKeyId.get()) + " is not an access key ID (16 to 128 upper-case letters and digits)");
    }
    if (secretAccessKey.isPresent() && accessKeyId.isEmpty()) {
      throw new InvalidRequestException("--aws-secret-access-key",
          "--aws-secret-access-key needs --aws-access-key-id");
    }
    secretAccessKey.ifPresent(s -> requireSecretShape("--aws-secret-access-key", s, MAX_SECRET));
    sessionToken.ifPresent(s -> requireSecretShape("--aws-session-token", s, MAX_SESSION_TOKEN));
    if (sessionToken.isPresent() && secretAccessKey.isEmpty()) {
      throw new InvalidRequestException("--aws-session-token",
          "--aws-session-token needs --aws-access-key-id and --aws-secret-access-key");
    }
    if (forceVolumes && (!noPrompt || devices.map(String::isBlank).orElse(true))) {
      throw new InvalidRequestException("--force-volumes", "--force-volumes needs --no-prompt and"
          + " --devices listing every disk to replicate, the root disk included");
    }
    if (dualstack && endpoint.isEmpty()) {
      throw new InvalidRequestException("--dualstack", "--dualstack needs --endpoint with MGN's"
          + " dual-stack endpoint (mgn.dualstack." + region + ".amazonaws.com)");
    }
    if (userProvidedId.isPresent() && userProvidedId.get().isBlank()) {
      throw new InvalidRequestException("--user-provided-id", "--user-provided-id is empty");
    }
    userProvidedId.ifPresent(id -> requireOneLine("--user-provided-id", id));
    userProvidedId.flatMap(RegistrationRequest::userProvidedIdProblem).ifPresent(problem -> {
      throw new InvalidRequestException("--user-provided-id", "--user-provided-id " + problem);
    });
    profile.ifPresent(p -> requireOneLine("--profile", p));
    if (forceVolumes && !allowSecretOnCommandLine && accessKeyId.isPresent()) {
      throw new InvalidRequestException("--force-volumes", "--force-volumes runs the installer"
          + " with --no-prompt, so the secret key would go on its command line, where other users"
          + " of this server can see it; add --allow-secret-on-command-line to accept that");
    }
  }

  /**
   * A secret is never shown, not even in part: the message says only what is wrong with it.
   */
  private static void requireSecretShape(String flag, Secret secret, int maxLength) {
    String value = secret.reveal();
    if (value.isEmpty()) {
      throw new InvalidRequestException(flag, flag + " is empty");
    }
    if (value.length() > maxLength) {
      throw new InvalidRequestException(flag, flag + " is " + value.length()
          + " characters long; at most " + maxLength + " are accepted (value not shown)");
    }
    if (!value.chars().allMatch(c -> c > 0x20 && c <= 0x7e)) {
      throw new InvalidRequestException(flag, flag + " holds a space, a control character or a"
          + " non-ASCII character, which AWS keys never do (value not shown)");
    }
  }

  private static void requireOneLine(String flag, String value) {
    if (value.length() > MAX_TEXT || !Shown.isPrintableAscii(value)) {
      throw new InvalidRequestException(flag, flag + " " + Shown.quoted(value) + " must be at most "
          + MAX_TEXT + " printable ASCII characters");
    }
  }

  public static Builder builder(String region) {
    return new Builder(region);
  }

  /** Whether any credential was given explicitly. */
  public boolean hasExplicitKeys() {
    return accessKeyId.isPresent() && secretAccessKey.isPresent();
  }

  /** Collects an {@link InstallRequest}; only the region is required. */
  public static final class Builder {
    private final String region;
    private String accessKeyId;
    private Secret secretAccessKey;
    private Secret sessionToken;
    private String profile;
    private String devices;
    private boolean forceVolumes;
    private boolean noPrompt;
    private Map<String, String> tags = Map.of();
    private URI s3Endpoint;
    private URI endpoint;
    private String userProvidedId;
    private boolean noReplication;
    private boolean dualstack;
    private InstallerFlavor flavor = InstallerFlavor.BINARY;
    private boolean initializeService;
    private boolean skipPreflight;
    private boolean allowSecretOnCommandLine;
    private boolean watch;

    private Builder(String region) {
      this.region = region;
    }

    public Builder accessKeyId(String v) { this.accessKeyId = v; return this; }
    public Builder secretAccessKey(Secret v) { this.secretAccessKey = v; return this; }
    public Builder sessionToken(Secret v) { this.sessionToken = v; return this; }
    public Builder profile(String v) { this.profile = v; return this; }
    public Builder devices(String v) { this.devices = v; return this; }
    public Builder forceVolumes(boolean v) { this.forceVolumes = v; return this; }
    public Builder noPrompt(boolean v) { this.noPrompt = v; return this; }
    public Builder tags(Map<String, String> v) { this.tags = v; return this; }
    public Builder s3Endpoint(URI v) { this.s3Endpoint = v; return this; }
    public Builder endpoint(URI v) { this.endpoint = v; return this; }
    public Builder userProvidedId(String v) { this.userProvidedId = v; return this; }
    public Builder noReplication(boolean v) { this.noReplication = v; return this; }
    public Builder dualstack(boolean v) { this.dualstack = v; return this; }
    public Builder flavor(InstallerFlavor v) { this.flavor = v; return this; }
    public Builder initializeService(boolean v) { this.initializeService = v; return this; }
    public Builder skipPreflight(boolean v) { this.skipPreflight = v; return this; }
    public Builder allowSecretOnCommandLine(boolean v) { this.allowSecretOnCommandLine = v; return this; }
    public Builder watch(boolean v) { this.watch = v; return this; }

    /**
     * The request, every value checked.
     *
     * @throws InvalidRequestException naming the first offending flag
     */
    public InstallRequest build() {
      return new InstallRequest(region, Optional.ofNullable(accessKeyId),
          Optional.ofNullable(secretAccessKey), Optional.ofNullable(sessionToken),
          Optional.ofNullable(profile), Optional.ofNullable(devices), forceVolumes, noPrompt, tags,
          Optional.ofNullable(s3Endpoint), Optional.ofNullable(endpoint),
          Optional.ofNullable(userProvidedId), noReplication, dualstack, flavor, initializeService,
          skipPreflight, allowSecretOnCommandLine, watch);
    }
  }
}
