package dev.mgnagent.cli.install;

import software.amazon.awssdk.regions.Region;
import dev.mgnagent.mgn.WatchSettings;
import dev.mgnagent.Regions;
import dev.mgnagent.cli.service.InitializationOptions;
import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Secret;
import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.sandbox.SandboxServers;
import dev.mgnagent.disk.Disk;
import dev.mgnagent.disk.DiskInventory;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.install.AgentInstallation;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.Tags;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.Endpoints;
import dev.mgnagent.Loopback;
import dev.mgnagent.Shown;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/** The flags of {@code install}: the official installer's, then mgn-agent's own. */
public final class InstallOptions {

  @Option(names = "--region", paramLabel = "REGION", description = "The AWS region (asked for when missing on a terminal).")
  String region;

  @Option(names = "--aws-access-key-id", paramLabel = "KEY_ID", description = "The installer's access key ID.")
  String accessKeyId;

  @Option(names = "--aws-secret-access-key", paramLabel = "SECRET", description = "Its secret key (asked for without echo when missing on a terminal). Insecure: a value on the command line is readable by every local user (ps, /proc/PID/cmdline) for the whole run and stays in shell history; prefer --aws-secret-access-key-stdin, a profile or the environment.")
  String secretAccessKey;

  @Option(names = "--aws-session-token", paramLabel = "TOKEN", description = "The session token of temporary (ASIA) keys. Insecure on the command line, as --aws-secret-access-key.")
  String sessionToken;

  @Option(names = "--aws-secret-access-key-stdin", description = "Read the secret key from the first line of standard input and, for temporary keys, the session token from the second, keeping both out of the process list.")
  boolean secretFromStdin;

  @Option(names = "--no-prompt", description = "Never ask; a missing value is an error naming its flag.")
  boolean noPrompt;

  @Option(names = "--devices", paramLabel = "LIST", description = "Comma-separated disks to replicate (partitions, LVs, aliases select their disks). Default: every disk.")
  String devices;

  @Option(names = "--force-volumes", description = "Pass --devices as given (needs --no-prompt; the root disk must be listed).")
  boolean forceVolumes;

  @Option(names = "--tags", paramLabel = "KEY=VALUE", arity = "1..*", description = "Tags for a new source server.")
  List<String> tags = new ArrayList<>();

  @Option(names = "--s3-endpoint", paramLabel = "URL", description = "An S3 VPC endpoint for the installer's downloads.")
  String s3Endpoint;

  @Option(names = "--endpoint", paramLabel = "URL", description = "An MGN PrivateLink endpoint.")
  String endpoint;

  @Option(names = "--user-provided-id", paramLabel = "ID", description = "Your own ID for the source server (cannot be changed later).")
  String userProvidedId;

  @Option(names = "--no-replication", description = "Install without starting replication.")
  boolean noReplication;

  @Option(names = "--dualstack", description = "Dual-stack mode (needs --endpoint).")
  boolean dualstack;

  @Option(names = "--profile", paramLabel = "NAME", description = "Use this AWS profile for the credentials.")
  String profile;

  @Option(names = "--flavor", paramLabel = "binary|python", defaultValue = "binary", description = "Which installer to run (default: ${DEFAULT-VALUE}).")
  String flavor;

  @Option(names = "--initialize-service", description = "Initialize MGN in the region when it is not (seed step 1).")
  boolean initializeService;

  @Option(names = "--skip-preflight", description = "Go on even when a preflight check fails.")
  boolean skipPreflight;

  @Option(names = "--sha512", paramLabel = "HEX", description = "Pin the installer's SHA-512 (128 hex characters): the download must match it. Required with a plain http:// --s3-endpoint (outside --sandbox), whose digest proves nothing.")
  String sha512;

  @Option(names = "--dry-run", description = "Print the installer command line that would run (secrets masked) and stop.")
  boolean dryRun;

  @Option(names = "--json", description = "One JSON event per line, ending with a result.")
  boolean json;

  @Option(names = "--sandbox", description = "Run everything against local fakes on 127.0.0.1; nothing on this machine changes.")
  boolean sandbox;

  @Option(names = "--allow-secret-on-command-line", description = "Accept that --force-volumes puts the secret key on the installer's command line.")
  boolean allowSecretOnCommandLine;

  @Option(names = "--watch", negatable = true, description = "Follow the initial sync after installing (default: on with --sandbox, off otherwise).")
  Boolean watch;

  @Mixin InitializationOptions initialization;

  @Option(names = "--host-root", paramLabel = "DIR", description = "Only against a sandbox (--sandbox, or loopback --endpoint and --s3-endpoint): read the disks from DIR (a fake tree) instead of /.")
  Path hostRoot;

  /** The most standard input may hold for {@code --aws-secret-access-key-stdin}. */
  private static final int MAX_STDIN_SECRETS = 16 * 1024;

  /**
   * Warnings for secrets given on mgn-agent's own command line, where every local user can read
   * them for the whole run.
   */
  List<String> commandLineSecretWarnings() {
    List<String> warnings = new ArrayList<>();
    for (String[] flag : new String[][] {
        {"--aws-secret-access-key", secretAccessKey}, {"--aws-session-token", sessionToken}}) {
      if (flag[1] != null) {
        warnings.add("mgn-agent: warning: " + flag[0] + " on the command line is readable by every"
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
      throw new InvalidRequestException("--aws-secret-access-key-stdin",
          "give the secret key either with --aws-secret-access-key-stdin or on the command line,"
              + " not both");
    }
    byte[] input;
    try {
      input = System.in.readNBytes(MAX_STDIN_SECRETS + 1);
    } catch (java.io.IOException e) {
      throw new InvalidRequestException("--aws-secret-access-key-stdin",
          "cannot read standard input: " + e.getMessage());
    }
    if (input.length > MAX_STDIN_SECRETS) {
      throw new InvalidRequestException("--aws-secret-access-key-stdin",
          "standard input holds more than a secret key and a session token");
    }
    List<String> lines = new String(input, java.nio.charset.StandardCharsets.UTF_8).lines()
        .map(String::strip).filter(l -> !l.isEmpty()).toList();
    if (lines.isEmpty() || lines.size() > 2) {
      throw new InvalidRequestException("--aws-secret-access-key-stdin",
          "standard input must hold the secret key on one line and, for temporary keys, the"
              + " session token on a second (found " + lines.size() + " lines)");
    }
    secretAccessKey = lines.get(0);
    if (lines.size() == 2) {
      if (sessionToken != null) {
        throw new InvalidRequestException("--aws-secret-access-key-stdin",
            "the session token is both on standard input and on the command line; give it once");
      }
      sessionToken = lines.get(1);
    }
  }

  /** The request from the flags, with the region asked for when it is missing. */
  InstallRequest.Builder request(Prompts prompts, CliContext context) {
    diskRoot();
    String chosenRegion = region != null ? region
        : sandbox ? "us-east-1" : prompts.ask("AWS Region Name: ", "--region");
    readSecretsFromStdin();
    InstallRequest.Builder builder = InstallRequest.builder()
        .region(Region.of(Regions.requireWellFormed("--region", chosenRegion)))
        .forceVolumes(forceVolumes)
        .noPrompt(noPrompt)
        .tags(Tags.parse(tags))
        .noReplication(noReplication)
        .dualstack(dualstack)
        .flavor(flavor())
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
    if (profile != null) {
      builder.profile(profile);
    }
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
    if (endpoint != null) {
      builder.endpoint(Endpoints.parse("--endpoint", "MGN endpoint",
          "vpce-0123-abcd.mgn." + chosenRegion + ".vpce.amazonaws.com", endpoint));
    }
    if (s3Endpoint != null) {
      builder.s3Endpoint(Endpoints.parse("--s3-endpoint", "S3 endpoint",
          "bucket.vpce-0123-abcd.s3." + chosenRegion + ".vpce.amazonaws.com", s3Endpoint));
    }
    if (initializeService && !sandbox && endpoint != null) {
      initialization.requireAlongside(java.util.Optional.of(URI.create(
          endpoint.contains("://") ? endpoint : "https://" + endpoint)));
    }
    if (sandbox && (endpoint != null || s3Endpoint != null || initialization.anyEndpoint())) {
      throw new InvalidRequestException("--sandbox", "--sandbox brings its own endpoints; drop"
          + " --endpoint, --s3-endpoint, --iam-endpoint, --sts-endpoint and --ec2-endpoint");
    }
    return builder;
  }

  SandboxServers startSandbox() {
    return SandboxServers.start(region == null ? "us-east-1" : region, diskRoot());
  }

  /** Whether to follow the initial sync. */
  boolean watching() {
    return watch != null ? watch : sandbox;
  }

  /** Where the disks are read: {@code /}, or {@code --host-root} in a sandbox. */
  Path diskRoot() {
    if (hostRoot == null) {
      return Path.of("/");
    }
    if (!sandbox && !againstLoopback()) {
      throw new InvalidRequestException("--host-root", "--host-root works only against a sandbox"
          + " (--sandbox, or loopback --endpoint and --s3-endpoint): a real installer reads this"
          + " machine's own disks");
    }
    if (!Files.isDirectory(hostRoot)) {
      throw new InvalidRequestException("--host-root", "--host-root " + hostRoot + ": no such directory");
    }
    return hostRoot.toAbsolutePath();
  }

  /**
   * Completes the request (the sandbox's endpoints and keys, or answers asked on the terminal)
   * and configures the installation; returns the checked request.
   */
  InstallRequest prepare(InstallRequest.Builder request, SandboxServers sandboxServers,
      AgentInstallation.Builder installation, Prompts prompts, CliContext context) {
    LocalHost host = LocalHost.rootedAt(diskRoot());
    // a sandbox keeps its install lock in its own directory, not in the machine's /run/lock
    installation.host(sandboxServers == null ? host
        : host.withLockRoot(sandboxServers.directory()));
    if (sandboxServers != null) {
      request.endpoint(sandboxServers.mgn().endpoint())
          .s3Endpoint(sandboxServers.bucket().endpoint())
          .iamEndpoint(sandboxServers.iam().endpoint())
          .stsEndpoint(sandboxServers.sts().endpoint())
          .ec2Endpoint(sandboxServers.ec2().endpoint())
          .initializeService(true);
      // the sandbox's fake installer runs as this user, never through sudo
      installation.runAsRoot(true);
      installation.workDirectory(directory(sandboxServers.directory().resolve("download")))
          .watchSettings(WatchSettings.builder().interval(Duration.ofMillis(500))
              .timeout(Duration.ofMinutes(2)).build());
    }
    if (sandboxServers != null && accessKeyId == null && profile == null) {
      AwsBasicCredentials keys = sandboxServers.mgn().adminCredentials();
      request.accessKeyId(keys.accessKeyId()).secretAccessKey(Secret.of(keys.secretAccessKey()));
    } else {
      askForMissingCredentials(request, prompts, context);
    }
    if (devices == null && !noPrompt && prompts.interactive()) {
      askForDisks(request, prompts);
    }
    return request.build();
  }

  /**
   * The installer's credential prompts: only what is missing, only on a terminal, and keys count
   * as missing only when neither a profile, the environment nor the default chain has any.
   */
  private void askForMissingCredentials(
      InstallRequest.Builder request, Prompts prompts, CliContext context) {
    String keyId = accessKeyId;
    if (keyId == null) {
      if (profile != null || hasEnvironmentKeys(context) || !prompts.interactive()
          || defaultChainHasCredentials()) {
        return;
      }
      keyId = prompts.ask("AWS Access Key ID: ", "--aws-access-key-id");
      request.accessKeyId(keyId);
    }
    if (secretAccessKey == null) {
      request.secretAccessKey(prompts.askSecret("AWS Secret Access Key: ", "--aws-secret-access-key"));
    }
    if (keyId.startsWith("ASIA") && sessionToken == null) {
      request.sessionToken(prompts.askSecret("AWS Session Token: ", "--aws-session-token"));
    }
  }

  /** The installer's disk prompt, listing the real disks; Enter means every disk. */
  private void askForDisks(InstallRequest.Builder request, Prompts prompts) {
    List<String> disks = DiskInventory.of(LocalHost.rootedAt(diskRoot())).read().disks().stream()
        .map(Disk::path).toList();
    request.devices(prompts.ask("Choose the disks you want to replicate. Your disks are: "
        + String.join(",", disks) + "\nTo replicate some of the disks, type the path of the"
        + " disks, separated with a comma (for example, /dev/sda,/dev/sdb). To replicate all"
        + " disks, press Enter: ", "--devices"));
  }


  /** Both endpoints given and on loopback: a sandbox serves them. */
  boolean againstLoopback() {
    return endpoint != null && s3Endpoint != null
        && Loopback.isLoopbackHost(Endpoints.parse("--endpoint", "MGN endpoint", "localhost",
            endpoint).getHost())
        && Loopback.isLoopbackHost(Endpoints.parse("--s3-endpoint", "S3 endpoint", "localhost",
            s3Endpoint).getHost());
  }

  private InstallerFlavor flavor() {
    return switch (flavor.toLowerCase(Locale.ROOT)) {
      case "binary" -> InstallerFlavor.BINARY;
      case "python" -> InstallerFlavor.PYTHON;
      default -> throw new InvalidRequestException("--flavor",
          "--flavor " + Shown.quoted(flavor) + " is not binary or python");
    };
  }

  private static boolean hasEnvironmentKeys(CliContext context) {
    return context.environment().containsKey("AWS_ACCESS_KEY_ID")
        && context.environment().containsKey("AWS_SECRET_ACCESS_KEY");
  }

  private static boolean defaultChainHasCredentials() {
    try (DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build()) {
      chain.resolveCredentials();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static Path directory(Path path) {
    try {
      return Files.createDirectories(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
