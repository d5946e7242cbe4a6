package dev.mgnagent.cli.install;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Secret;
import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.Terminal;
import dev.mgnagent.disk.Disk;
import dev.mgnagent.disk.DiskInventory;
import dev.mgnagent.host.LocalHost;
import dev.mgnagent.install.InstallRequest;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * The questions {@code install} asks for what is missing, as the official installer does (region,
 * keys, disks), but only on the terminal of the {@link CliContext} and without {@code --no-prompt}.
 * Secrets are read without echo; with no terminal a missing answer is an invalid request naming the
 * flag to pass.
 */
final class InstallPrompts {

  private final Terminal console;
  private final CliContext context;

  private InstallPrompts(Terminal console, CliContext context) {
    this.console = console;
    this.context = context;
  }

  static InstallPrompts of(CliContext context, boolean noPrompt) {
    return new InstallPrompts(noPrompt ? null : context.console().orElse(null), context);
  }

  /** Whether questions can be asked. */
  boolean interactive() {
    return console != null;
  }

  /** The installer's region question. */
  String region() {
    return ask("AWS Region Name: ", "--region");
  }

  /**
   * The installer's credential prompts: only what is missing, only on a terminal, and keys count as
   * missing only when neither a profile, the environment nor the default chain has any.
   */
  void missingCredentials(
      InstallRequest.Builder request,
      String accessKeyId,
      boolean secretGiven,
      boolean tokenGiven,
      boolean profileGiven) {
    String keyId = accessKeyId;
    if (keyId == null) {
      if (profileGiven || hasEnvironmentKeys() || !interactive() || defaultChainHasCredentials()) {
        return;
      }
      keyId = ask("AWS Access Key ID: ", "--aws-access-key-id");
      request.accessKeyId(keyId);
    }
    if (!secretGiven) {
      request.secretAccessKey(askSecret("AWS Secret Access Key: ", "--aws-secret-access-key"));
    }
    if (keyId.startsWith("ASIA") && !tokenGiven) {
      request.sessionToken(askSecret("AWS Session Token: ", "--aws-session-token"));
    }
  }

  /**
   * The installer's disk prompt, listing the disks under {@code diskRoot}; Enter means every disk.
   */
  void disks(InstallRequest.Builder request, Path diskRoot) {
    List<String> disks =
        DiskInventory.of(LocalHost.rootedAt(diskRoot)).read().disks().stream()
            .map(Disk::path)
            .toList();
    request.devices(
        ask(
            "Choose the disks you want to replicate. Your disks are: "
                + String.join(",", disks)
                + "\nTo replicate some of the disks, type the path of the"
                + " disks, separated with a comma (for example, /dev/sda,/dev/sdb). To replicate all"
                + " disks, press Enter: ",
            "--devices"));
  }

  /**
   * The answer to {@code prompt}, or an invalid request naming {@code flag} when none can be asked.
   */
  private String ask(String prompt, String flag) {
    if (console == null) {
      throw missing(flag);
    }
    String answer = console.readLine(prompt);
    if (answer == null) {
      throw missing(flag);
    }
    return answer.strip();
  }

  /** A secret read without echo. */
  private Secret askSecret(String prompt, String flag) {
    if (console == null) {
      throw missing(flag);
    }
    char[] secret = console.readPassword(prompt);
    if (secret == null || secret.length == 0) {
      throw missing(flag);
    }
    return Secret.of(new String(secret));
  }

  private static InvalidRequestException missing(String flag) {
    return new InvalidRequestException(
        flag,
        flag
            + " is needed and there is no terminal to ask on"
            + " (or --no-prompt was given); pass "
            + flag);
  }

  private boolean hasEnvironmentKeys() {
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
}
