package dev.mgnagent.installer.internal;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.installer.RegistrationRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The installer's argument vector for a request. The secret and the session token are left out
 * (they are typed at the prompts), except for {@code --force-volumes}, which needs {@code
 * --no-prompt} and therefore the secret on the command line: only with the caller's opt-in. {@code
 * --devices} is left out too without {@code --no-prompt}, since the installer ignores it then; the
 * disk list is typed at the disk prompt instead. Through sudo, the proxy variables and {@code
 * TMPDIR} are kept by name ({@code --preserve-env=}, sudo 1.8.21 or later, allowed by a sudoers
 * rule for {@code ALL} commands, which implies {@code SETENV}).
 *
 * @param argv what to run
 * @param masked the same with secrets shown as {@code ****}, for events and messages
 */
record InstallerCommandLine(List<String> argv, List<String> masked) {

  /**
   * The variables of the installer's environment that sudo is asked to keep ({@code
   * --preserve-env=}): its default {@code env_reset} would drop them, and behind a proxy the
   * installer could then reach neither MGN nor S3. Names only: the values never reach argv.
   */
  static final List<String> SUDO_PRESERVED =
      List.of(
          "https_proxy",
          "HTTPS_PROXY",
          "http_proxy",
          "HTTP_PROXY",
          "no_proxy",
          "NO_PROXY",
          "TMPDIR");

  static InstallerCommandLine of(
      Path installerPath,
      InstallerFlavor flavor,
      RegistrationRequest request,
      boolean root,
      String accessKeyId,
      String secret,
      Optional<String> sessionToken) {
    return of(installerPath, flavor, request, root, accessKeyId, secret, sessionToken, Map.of());
  }

  /**
   * With {@code environment}, the installer's environment: through sudo, the {@link
   * #SUDO_PRESERVED} variables it holds are kept with {@code --preserve-env=}.
   */
  static InstallerCommandLine of(
      Path installerPath,
      InstallerFlavor flavor,
      RegistrationRequest request,
      boolean root,
      String accessKeyId,
      String secret,
      Optional<String> sessionToken,
      Map<String, String> environment) {
    boolean forced = request.selection().forced();
    if (forced && !request.allowSecretOnCommandLine()) {
      throw new InvalidRequestException(
          "allowSecretOnCommandLine",
          "a forced selection makes the"
              + " installer run without prompts, so the secret key must go on its command line, where"
              + " other users of this server can see it; allow that explicitly"
              + " (allowSecretOnCommandLine) or do not force the volumes");
    }
    List<String> argv = new ArrayList<>();
    List<String> masked = new ArrayList<>();
    if (!root) {
      List<String> kept = SUDO_PRESERVED.stream().filter(environment::containsKey).toList();
      both(argv, masked, "sudo", "-n");
      if (!kept.isEmpty()) {
        both(argv, masked, "--preserve-env=" + String.join(",", kept));
      }
      both(argv, masked, "--");
    }
    if (flavor == InstallerFlavor.PYTHON) {
      both(argv, masked, "python3");
    }
    both(argv, masked, installerPath.toAbsolutePath().toString());
    both(argv, masked, "--region", request.region().id(), "--aws-access-key-id", accessKeyId);
    if (forced) {
      both(
          argv,
          masked,
          "--no-prompt",
          "--force-volumes",
          "--devices",
          request.selection().devicesArgument());
      argv.add("--aws-secret-access-key");
      argv.add(secret);
      masked.add("--aws-secret-access-key");
      masked.add(SecretMask.MASK);
      sessionToken.ifPresent(
          token -> {
            argv.add("--aws-session-token");
            argv.add(token);
            masked.add("--aws-session-token");
            masked.add(SecretMask.MASK);
          });
    }
    if (!request.tags().isEmpty()) {
      both(argv, masked, "--tags");
      for (Map.Entry<String, String> tag : request.tags().asMap().entrySet()) {
        both(argv, masked, tag.getKey() + "=" + tag.getValue());
      }
    }
    request.s3Endpoint().ifPresent(e -> both(argv, masked, "--s3-endpoint", e.toString()));
    request.endpoint().ifPresent(e -> both(argv, masked, "--endpoint", e.toString()));
    request.userProvidedId().ifPresent(id -> both(argv, masked, "--user-provided-id", id));
    if (request.noReplication()) {
      both(argv, masked, "--no-replication");
    }
    if (request.dualstack()) {
      both(argv, masked, "--dualstack");
    }
    return new InstallerCommandLine(List.copyOf(argv), List.copyOf(masked));
  }

  private static void both(List<String> argv, List<String> masked, String... values) {
    argv.addAll(List.of(values));
    masked.addAll(List.of(values));
  }
}
