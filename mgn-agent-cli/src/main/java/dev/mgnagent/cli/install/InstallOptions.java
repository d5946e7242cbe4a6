package dev.mgnagent.cli.install;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Loopback;
import dev.mgnagent.Secret;
import dev.mgnagent.Tags;
import dev.mgnagent.cli.options.AwsOptions;
import dev.mgnagent.cli.options.DualstackOption;
import dev.mgnagent.cli.options.FlavorOption;
import dev.mgnagent.cli.options.HostRootOption;
import dev.mgnagent.cli.options.JsonOption;
import dev.mgnagent.cli.options.S3EndpointOption;
import dev.mgnagent.cli.sandbox.SandboxServers;
import dev.mgnagent.cli.service.InitializationOptions;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.install.AgentInstallation;
import dev.mgnagent.install.InstallRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The flags of {@code install}: the official installer's, then mgn-agent's own. */
public final class InstallOptions {

  @Mixin AwsOptions aws;

  @Option(
      names = "--aws-access-key-id",
      paramLabel = "KEY_ID",
      description = "The installer's access key ID.")
  String accessKeyId;

  @Option(
      names = "--aws-secret-access-key",
      paramLabel = "SECRET",
      description =
          "Its secret key (asked for without echo when missing on a terminal). Insecure: a value on the command line is readable by every local user (ps, /proc/PID/cmdline) for the whole run and stays in shell history; prefer --aws-secret-access-key-stdin, a profile or the environment.")
  String secretAccessKey;

  @Option(
      names = "--aws-session-token",
      paramLabel = "TOKEN",
      description =
          "The session token of temporary (ASIA) keys. Insecure on the command line, as --aws-secret-access-key.")
  String sessionToken;

  @Option(
      names = "--aws-secret-access-key-stdin",
      description =
          "Read the secret key from the first line of standard input and, for temporary keys, the session token from the second, keeping both out of the process list.")
  boolean secretFromStdin;

  @Option(
      names = "--no-prompt",
      description = "Never ask; a missing value is an error naming its flag.")
  boolean noPrompt;

  @Option(
      names = "--devices",
      paramLabel = "LIST",
      description =
          "Comma-separated disks to replicate (partitions, LVs, aliases select their disks). Default: every disk.")
  String devices;

  @Option(
      names = "--force-volumes",
      description = "Pass --devices as given (needs --no-prompt; the root disk must be listed).")
  boolean forceVolumes;

  @Option(
      names = "--tags",
      paramLabel = "KEY=VALUE",
      arity = "1..*",
      description = "Tags for a new source server.")
  List<String> tags = new ArrayList<>();

  @Mixin S3EndpointOption s3;

  @Option(
      names = "--user-provided-id",
      paramLabel = "ID",
      description = "Your own ID for the source server (cannot be changed later).")
  String userProvidedId;

  @Option(names = "--no-replication", description = "Install without starting replication.")
  boolean noReplication;

  @Mixin DualstackOption dualstack;

  @Mixin FlavorOption flavor;

  @Option(
      names = "--initialize-service",
      description = "Initialize MGN in the region when it is not (seed step 1).")
  boolean initializeService;

  @Option(names = "--skip-preflight", description = "Go on even when a preflight check fails.")
  boolean skipPreflight;

  @Option(
      names = "--sha512",
      paramLabel = "HEX",
      description =
          "Pin the installer's SHA-512 (128 hex characters): the download must match it. Required with a plain http:// --s3-endpoint (outside --sandbox), whose digest proves nothing.")
  String sha512;

  @Option(
      names = "--dry-run",
      description = "Print the installer command line that would run (secrets masked) and stop.")
  boolean dryRun;

  @Mixin JsonOption json;

  @Option(
      names = "--sandbox",
      description =
          "Run everything against local fakes on 127.0.0.1; nothing on this machine changes.")
  boolean sandbox;

  @Option(
      names = "--allow-secret-on-command-line",
      description =
          "Accept that --force-volumes puts the secret key on the installer's command line.")
  boolean allowSecretOnCommandLine;

  @Option(
      names = "--watch",
      negatable = true,
      description =
          "Follow the initial sync after installing (default: on with --sandbox, off otherwise).")
  Boolean watch;

  @Mixin InitializationOptions initialization;

  @Mixin HostRootOption hostRoot;

  /** The most standard input may hold for {@code --aws-secret-access-key-stdin}. */
  private static final int MAX_STDIN_SECRETS = 16 * 1024;

  /**
   * Warnings for secrets given on mgn-agent's own command line, where every local user can read
   * them for the whole run.
   */
  List<String> commandLineSecretWarnings() {
    List<String> warnings = new ArrayList<>();
    if (secretFromStdin) {
      return warnings; // the values were read from standard input, not from the command line
    }
    for (String[] flag :
        new String[][] {
          {"--aws-secret-access-key", secretAccessKey}, {"--aws-session-token", sessionToken}
        }) {
      if (flag[1] != null) {
        warnings.add(
            "mgn-agent: warning: "
                + flag[0]
                + " on the command line is readable by every"
                + " local user (ps, /proc/PID/cmdline) while mgn-agent runs and stays in shell history;"
                + " use --aws-secret-access-key-stdin, a profile or the environment instead");
      }
    }
    return warnings;
  }

  /** With {@code --aws-secret-access-key-stdin}: line 1 the secret key, line 2 a session token. */
  private void readSecretsFromStdin() {
    if (!secretFromStdin) {
      return;
    }
    if (secretAccessKey != null) {
      throw new InvalidRequestException(
          "--aws-secret-access-key-stdin",
          "give the secret key either with --aws-secret-access-key-stdin or on the command line,"
              + " not both");
    }
    byte[] input;
    try {
      input = System.in.readNBytes(MAX_STDIN_SECRETS + 1);
    } catch (java.io.IOException e) {
      throw new InvalidRequestException(
          "--aws-secret-access-key-stdin", "cannot read standard input: " + e.getMessage());
    }
    if (input.length > MAX_STDIN_SECRETS) {
      throw new InvalidRequestException(
          "--aws-secret-access-key-stdin",
          "standard input holds more than a secret key and a session token");
    }
    List<String> lines =
        new String(input, java.nio.charset.StandardCharsets.UTF_8)
            .lines()
            .map(String::strip)
            .filter(l -> !l.isEmpty())
            .toList();
    if (lines.isEmpty() || lines.size() > 2) {
      throw new InvalidRequestException(
          "--aws-secret-access-key-stdin",
          "standard input must hold the secret key on one line and, for temporary keys, the"
              + " session token on a second (found "
              + lines.size()
              + " lines)");
    }
    secretAccessKey = lines.get(0);
    if (lines.size() == 2) {
      if (sessionToken != null) {
        throw new InvalidRequestException(
            "--aws-secret-access-key-stdin",
            "the session token is both on standard input and on the command line; give it once");
      }
      sessionToken = lines.get(1);
    }
  }

  /** The request from the flags, with the region asked for when it is missing. */
  InstallRequest.Builder request(InstallPrompts prompts) {
    diskRoot();
    String chosenRegion = aws.region().orElseGet(() -> sandbox ? "us-east-1" : prompts.region());
    readSecretsFromStdin();
    InstallRequest.Builder builder =
        InstallRequest.builder()
            .region(AwsOptions.checkedRegion(chosenRegion))
            .forceVolumes(forceVolumes)
            .noPrompt(noPrompt)
            .tags(Tags.parse(tags))
            .noReplication(noReplication)
            .dualstack(dualstack.dualstack())
            .flavor(flavor.flavor())
            .initializeService(initializeService)
            .skipPreflight(skipPreflight)
            .sandbox(sandbox)
            .allowSecretOnCommandLine(allowSecretOnCommandLine)
            .watch(watching());
    if (accessKeyId != null) {
      builder.accessKeyId(accessKeyId);
    }
    if (secretAccessKey != null) {
      builder.secretAccessKey(Secret.of(secretAccessKey));
    }
    if (sessionToken != null) {
      builder.sessionToken(Secret.of(sessionToken));
    }
    aws.profile().ifPresent(builder::profile);
    if (sha512 != null) {
      builder.installerSha512(sha512);
    }
    if (devices != null) {
      builder.devices(devices);
    }
    if (userProvidedId != null) {
      builder.userProvidedId(userProvidedId);
    }
    initialization.iam(chosenRegion).ifPresent(builder::iamEndpoint);
    initialization.sts(chosenRegion).ifPresent(builder::stsEndpoint);
    initialization.ec2(chosenRegion).ifPresent(builder::ec2Endpoint);
    initialization.stagingSubnet().ifPresent(builder::stagingSubnetId);
    aws.endpoint(chosenRegion).ifPresent(builder::endpoint);
    s3.endpoint(chosenRegion).ifPresent(builder::s3Endpoint);
    if (sandbox && (aws.endpointGiven() || s3.given() || initialization.anyEndpoint())) {
      throw new InvalidRequestException(
          "--sandbox",
          "--sandbox brings its own endpoints; drop"
              + " --endpoint, --s3-endpoint, --iam-endpoint, --sts-endpoint and --ec2-endpoint");
    }
    return builder;
  }

  SandboxServers startSandbox() {
    return SandboxServers.start(aws.region().orElse("us-east-1"), diskRoot());
  }

  /** Whether to follow the initial sync. */
  boolean watching() {
    return watch != null ? watch : sandbox;
  }

  /** Where the disks are read: {@code /}, or {@code --host-root} in a sandbox. */
  Path diskRoot() {
    if (hostRoot.given().isEmpty()) {
      return Path.of("/");
    }
    return hostRoot.checked().toAbsolutePath();
  }

  /** Refuses {@code --host-root} outside a sandbox (a rule of how values combine). */
  private void requireSandboxForHostRoot() {
    if (hostRoot.given().isEmpty()) {
      return;
    }
    // a loopback port proves nothing (any local user can bind one, and a tunnel can lead to AWS):
    // outside --sandbox, the tree is accepted only when the installer that runs is pinned and
    // both endpoints are plain http on loopback, as a running 'mgn-agent sandbox' serves them
    if (!sandbox && !(againstLoopback() && plainHttpEndpoints() && sha512 != null)) {
      throw new InvalidRequestException(
          "--host-root",
          "--host-root works only against a sandbox: --sandbox, or a running 'mgn-agent sandbox'"
              + " given as plain-http loopback --endpoint and --s3-endpoint together with the"
              + " --sha512 it prints (a real installer reads this machine's own disks)");
    }
  }

  /**
   * Completes the request (the sandbox's endpoints and keys, or answers asked on the terminal) and
   * configures the installation; returns the checked request.
   */
  InstallRequest prepare(
      InstallRequest.Builder request,
      SandboxServers sandboxServers,
      AgentInstallation.Builder installation,
      InstallPrompts prompts) {
    LocalHost host = LocalHost.rootedAt(diskRoot());
    boolean ownCredentials = accessKeyId != null || aws.profile().isPresent();
    if (sandboxServers == null) {
      installation.host(host);
    } else {
      sandboxServers.wire(request, installation, host, !ownCredentials);
    }
    if (sandboxServers == null || ownCredentials) {
      prompts.missingCredentials(
          request,
          accessKeyId,
          secretAccessKey != null,
          sessionToken != null,
          aws.profile().isPresent());
    }
    if (devices == null && !noPrompt && prompts.interactive()) {
      prompts.disks(request, diskRoot());
    }
    InstallRequest checked = request.build(); // each value first, then how they combine
    requireSandboxForHostRoot();
    if (initializeService && sandboxServers == null && aws.endpointGiven()) {
      initialization.requireAlongside(aws.endpoint(checked.region().id()));
    }
    return checked;
  }

  /** Both endpoints given as plain {@code http}, which AWS never serves. */
  private boolean plainHttpEndpoints() {
    return "http".equalsIgnoreCase(aws.endpoint("localhost").orElseThrow().getScheme())
        && "http".equalsIgnoreCase(s3.endpoint("localhost").orElseThrow().getScheme());
  }

  /** Both endpoints given and on loopback: a sandbox serves them. */
  boolean againstLoopback() {
    return aws.endpointGiven()
        && s3.given()
        && Loopback.isLoopbackHost(aws.endpoint("localhost").orElseThrow().getHost())
        && Loopback.isLoopbackHost(s3.endpoint("localhost").orElseThrow().getHost());
  }
}
