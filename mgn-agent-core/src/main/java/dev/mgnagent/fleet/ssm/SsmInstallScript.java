package dev.mgnagent.fleet.ssm;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.installer.InstallerLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The shell script each managed node runs through {@code AWS-RunShellScript} (its {@code commands}
 * parameter, one line per item). It downloads the installer from the request's location (the
 * documented regional URL or an S3 endpoint), checks its SHA-512 against the published digest or
 * the pinned one, runs it as root (the SSM Agent's user) with the access key ID and the other
 * settings as arguments and the secret key, the session token and the disk answer typed at its
 * prompts through a here-document on stdin (never on a command line), then prints the last lines of
 * the installer's output and, on success, one marked line {@value #SOURCE_SERVER_ID_MARKER}{@code
 * s-...}. On failure it prints a line {@value #ERROR_MARKER}{@code REASON ...} on stderr and exits
 * with the reason's status ({@link #exitStatusReason(int)}).
 *
 * <p>The script is POSIX {@code sh}; it needs {@code curl} or {@code wget}, {@code sha512sum},
 * {@code mktemp}, {@code awk}, {@code sed} and {@code tail}. Its working directory (under {@code
 * $TMPDIR}, else {@code /tmp}, mode 700) is removed when it ends.
 */
public final class SsmInstallScript {

  /** Starts the line that carries the source server ID in the command's output. */
  public static final String SOURCE_SERVER_ID_MARKER = "MGN_AGENT_SOURCE_SERVER_ID=";

  /** Starts the line, on stderr, that names why the script failed. */
  public static final String ERROR_MARKER = "mgn-agent-ssm: error=";

  /** How many of the installer's last output lines the script prints. */
  public static final int OUTPUT_LINES = 200;

  private static final Pattern ID_LINE =
      Pattern.compile(
          "^" + SOURCE_SERVER_ID_MARKER + "(s-[0-9a-zA-Z]{17})\\s*$", Pattern.MULTILINE);
  private static final Pattern ERROR_LINE =
      Pattern.compile("^" + Pattern.quote(ERROR_MARKER) + "([A-Z_]+)(.*)$", Pattern.MULTILINE);
  private static final String END_OF_ANSWERS = "MGN_AGENT_ANSWERS";
  private static final String MASK = "****";

  private static final Map<Integer, String> REASONS =
      Map.of(
          70, "WORK_DIRECTORY",
          71, "DOWNLOAD_FAILED",
          72, "INSTALLER_MISMATCH",
          73, "INSTALLER_FAILED",
          74, "NO_SOURCE_SERVER_ID");

  private final InstallRequest request;
  private final InstallerLocation location;
  private final Optional<String> pinnedSha512;

  private SsmInstallScript(InstallRequest request) {
    this.request = request;
    this.location = request.installerLocation();
    this.pinnedSha512 = request.installerSha512();
  }

  /**
   * The script for {@code request}: its region, installer flavor and location, pinned digest, tags,
   * endpoints, devices, {@code noReplication} and {@code dualstack}. Its own credentials are not
   * used.
   */
  public static SsmInstallScript of(InstallRequest request) {
    Objects.requireNonNull(request, "request");
    if (request.forceVolumes()) {
      throw new InvalidRequestException(
          "forceVolumes",
          "forced volumes need the installer's --no-prompt, which puts the secret key on its"
              + " command line; an install through Systems Manager types it at the prompt instead,"
              + " so forceVolumes is not supported there");
    }
    return new SsmInstallScript(request);
  }

  /**
   * The {@code commands} to send, holding these credentials.
   *
   * @throws LongLivedCredentialsException unless they are session credentials with an {@code ASIA}
   *     access key ID
   */
  public List<String> commands(AwsCredentials credentials) {
    AwsSessionCredentials session = requireShortLived(credentials);
    return lines(session.accessKeyId(), session.secretAccessKey(), session.sessionToken(), false);
  }

  /** The script as {@link #commands} makes it, the secret key and session token shown as ****. */
  public List<String> preview(String accessKeyId) {
    return lines(accessKeyId, MASK, MASK, true);
  }

  /**
   * The credentials if they are short-lived.
   *
   * @throws LongLivedCredentialsException otherwise
   */
  public static AwsSessionCredentials requireShortLived(AwsCredentials credentials) {
    Objects.requireNonNull(credentials, "credentials");
    if (!(credentials instanceof AwsSessionCredentials session)
        || !credentials.accessKeyId().startsWith("ASIA")) {
      throw new LongLivedCredentialsException(
          "the credentials for the installers are not short-lived (an access key ID starting with"
              + " ASIA and a session token): Systems Manager keeps a command's parameters readable"
              + " to anyone allowed to list commands, so only temporary credentials from STS"
              + " AssumeRole may go into one");
    }
    for (String value : List.of(session.secretAccessKey(), session.sessionToken())) {
      if (value.isEmpty()
          || value.contains("\n")
          || value.contains("\r")
          || value.equals(END_OF_ANSWERS)) {
        throw new LongLivedCredentialsException(
            "the temporary credentials hold an empty value or a line break and cannot be typed at"
                + " the installer's prompts");
      }
    }
    return session;
  }

  /** The source server ID in a command's output, from the marked line. */
  public static Optional<String> sourceServerId(String output) {
    Matcher m = ID_LINE.matcher(output == null ? "" : output);
    String found = null;
    while (m.find()) {
      found = m.group(1);
    }
    return Optional.ofNullable(found);
  }

  /** The reason named by the script's error line in {@code stderr}, if any. */
  public static Optional<String> errorReason(String stderr) {
    Matcher m = ERROR_LINE.matcher(stderr == null ? "" : stderr);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The error line's text (after the reason), if any. */
  public static Optional<String> errorText(String stderr) {
    Matcher m = ERROR_LINE.matcher(stderr == null ? "" : stderr);
    return m.find() ? Optional.of(m.group(1) + m.group(2)) : Optional.empty();
  }

  /** The reason the script's exit status stands for, if it is one of the script's own. */
  public static Optional<String> exitStatusReason(int status) {
    return Optional.ofNullable(REASONS.get(status));
  }

  private List<String> lines(String keyId, String secret, String token, boolean preview) {
    if (!preview && !keyId.matches("[A-Z0-9]{16,128}")) {
      throw new InvalidRequestException(
          "credentials", "the access key ID is not 16 to 128 upper-case letters and digits");
    }
    List<String> s = new ArrayList<>();
    s.add("# mgn-agent: install the AWS Replication Agent (AWS-RunShellScript, runs as root)");
    s.add("set -u");
    s.add("umask 077");
    s.add(
        "work=$(mktemp -d \"${TMPDIR:-/tmp}/mgn-agent-ssm.XXXXXX\") || { echo '"
            + ERROR_MARKER
            + "WORK_DIRECTORY cannot create a working directory' >&2; exit 70; }");
    s.add("trap 'cd /; rm -rf \"$work\"' EXIT");
    s.add("cd \"$work\" || exit 70");
    s.add("fetch() {");
    s.add("  if command -v curl >/dev/null 2>&1; then");
    s.add("    curl -fsSL --retry 3 --connect-timeout 30 -o \"$2\" \"$1\"");
    s.add("  elif command -v wget >/dev/null 2>&1; then");
    s.add("    wget -q -T 30 -t 3 -O \"$2\" \"$1\"");
    s.add("  else");
    s.add("    echo 'neither curl nor wget is installed' >&2; return 127");
    s.add("  fi");
    s.add("}");
    String url = location.installerUrl().toString();
    s.add(
        "fetch "
            + quote(url)
            + " installer || { echo "
            + quote(ERROR_MARKER + "DOWNLOAD_FAILED cannot download " + url)
            + " >&2; exit 71; }");
    if (pinnedSha512.isPresent()) {
      s.add("expected=" + quote(pinnedSha512.get().toLowerCase(Locale.ROOT)));
    } else {
      String digestUrl = location.digestUrl().toString();
      s.add(
          "fetch "
              + quote(digestUrl)
              + " installer.sha512 || { echo "
              + quote(ERROR_MARKER + "DOWNLOAD_FAILED cannot download " + digestUrl)
              + " >&2; exit 71; }");
      s.add("expected=$(awk 'NF { print tolower($1); exit }' installer.sha512)");
    }
    s.add("actual=$(sha512sum installer | awk '{ print tolower($1) }')");
    s.add("if [ -z \"$expected\" ] || [ \"$actual\" != \"$expected\" ]; then");
    s.add(
        "  echo \""
            + ERROR_MARKER
            + "INSTALLER_MISMATCH the installer's SHA-512 $actual is not the expected"
            + " $expected\" >&2; exit 72");
    s.add("fi");
    s.add("chmod 700 installer");
    StringBuilder run = new StringBuilder();
    if (location.flavor() == InstallerFlavor.PYTHON) {
      run.append("python3 ");
    }
    run.append("./installer --region ").append(quote(request.region().id()));
    run.append(" --aws-access-key-id ").append(quote(keyId));
    if (!request.tags().isEmpty()) {
      run.append(" --tags");
      request.tags().asMap().forEach((k, v) -> run.append(' ').append(quote(k + "=" + v)));
    }
    request.s3Endpoint().ifPresent(e -> run.append(" --s3-endpoint ").append(quote(e.toString())));
    request.endpoint().ifPresent(e -> run.append(" --endpoint ").append(quote(e.toString())));
    if (request.noReplication()) {
      run.append(" --no-replication");
    }
    if (request.dualstack()) {
      run.append(" --dualstack");
    }
    run.append(" >installer.log 2>&1 <<'").append(END_OF_ANSWERS).append("'");
    s.add(run.toString());
    // the prompts, in the installer's order: secret key, session token (asked for ASIA keys),
    // the disks (empty: every disk)
    s.add(secret);
    s.add(token);
    s.add(request.devices().orElse(""));
    s.add(END_OF_ANSWERS);
    s.add("rc=$?");
    s.add("tail -n " + OUTPUT_LINES + " installer.log");
    s.add(
        "id=$(sed -n 's/.*source server ID: *\\(s-[0-9a-zA-Z]\\{17\\}\\).*/\\1/p' installer.log"
            + " | tail -n 1)");
    s.add("if [ \"$rc\" -ne 0 ]; then");
    s.add(
        "  echo \""
            + ERROR_MARKER
            + "INSTALLER_FAILED the installer exited with status $rc\" >&2; exit 73");
    s.add("fi");
    s.add("if [ -z \"$id\" ]; then");
    s.add(
        "  echo '"
            + ERROR_MARKER
            + "NO_SOURCE_SERVER_ID the installer succeeded without printing a source server"
            + " ID' >&2; exit 74");
    s.add("fi");
    s.add("echo \"" + SOURCE_SERVER_ID_MARKER + "$id\"");
    return List.copyOf(s);
  }

  /** {@code text} in single quotes for {@code sh}. */
  static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
