package dev.mgnagent.cli;

import dev.mgnagent.InvalidRequestException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one table from the core's API names (what {@link InvalidRequestException#parameter()} holds,
 * such as {@code secretAccessKey}) to the command-line flags (or variables) a user types, and the
 * CLI's own advice for a few parameters. The core speaks API names; {@link ErrorReporter} turns
 * them into flags here, so a message names the flag the user typed.
 */
public final class Flags {

  private static final Map<String, String> FLAGS =
      Map.ofEntries(
          Map.entry("region", "--region"),
          Map.entry("urlStyle", "--region"),
          Map.entry("accessKeyId", "--aws-access-key-id"),
          Map.entry("secretAccessKey", "--aws-secret-access-key"),
          Map.entry("sessionToken", "--aws-session-token"),
          Map.entry("profile", "--profile"),
          Map.entry("devices", "--devices"),
          Map.entry("forceVolumes", "--force-volumes"),
          Map.entry("noPrompt", "--no-prompt"),
          Map.entry("tags", "--tags"),
          Map.entry("endpoint", "--endpoint"),
          Map.entry("s3Endpoint", "--s3-endpoint"),
          Map.entry("userProvidedId", "--user-provided-id"),
          Map.entry("noReplication", "--no-replication"),
          Map.entry("dualstack", "--dualstack"),
          Map.entry("flavor", "--flavor"),
          Map.entry("initializeService", "--initialize-service"),
          Map.entry("skipPreflight", "--skip-preflight"),
          Map.entry("allowSecretOnCommandLine", "--allow-secret-on-command-line"),
          Map.entry("replicationServer", "--replication-server"),
          Map.entry("output", "--output"),
          Map.entry("file", "--file"),
          Map.entry("sha512", "--sha512"),
          Map.entry("installerSha512", "--sha512"),
          Map.entry("httpsProxy", "https_proxy"),
          Map.entry("sourceServerId", "--source-server-id"),
          Map.entry("hostRoot", "--host-root"));

  /** What the CLI adds to a message about a parameter that has no single flag. */
  private static final Map<String, String> ADVICE =
      Map.of(
          "credentials",
          "pass --aws-access-key-id and --aws-secret-access-key, or --profile, or set"
              + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");

  /** An API name written as an identifier (with an upper-case letter), not followed by a word. */
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w-])([a-z][a-z0-9]*[A-Z]\\w*)");

  private Flags() {}

  /** The flag for an API name, when the CLI has one. */
  public static Optional<String> flag(String apiName) {
    return Optional.ofNullable(FLAGS.get(apiName));
  }

  /**
   * The exception with its message and parameter in the CLI's terms: the parameter and every API
   * identifier in the message become their flags, the message starts with the flag, and the CLI's
   * advice is added where it has some. An exception already naming a flag is returned as it is.
   */
  public static InvalidRequestException named(InvalidRequestException e) {
    String parameter = e.parameter().orElse("");
    String message = String.valueOf(e.getMessage());
    if (parameter.isEmpty() || parameter.startsWith("--")) {
      return e;
    }
    String flag = FLAGS.get(parameter);
    String text = message;
    if (flag != null && (text.startsWith(parameter + " ") || text.startsWith(parameter + ":"))) {
      text = flag + text.substring(parameter.length());
    }
    text = identifiersAsFlags(text);
    if (flag != null && !text.startsWith(flag)) {
      text = flag + ": " + text;
    }
    String advice = ADVICE.get(parameter);
    if (advice != null) {
      text = text + " (" + advice + ")";
    }
    if (text.equals(message) && flag == null) {
      return e;
    }
    InvalidRequestException named =
        new InvalidRequestException(flag != null ? flag : parameter, text);
    named.initCause(e);
    return named;
  }

  /**
   * A core message (a remedy, a step's summary, a warning, an error) in the CLI's terms: every API
   * identifier in it (such as {@code skipPreflight}) becomes the flag the user types.
   */
  public static String inCliTerms(String text) {
    return text == null ? null : identifiersAsFlags(text);
  }

  private static String identifiersAsFlags(String text) {
    Matcher m = IDENTIFIER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String flag = FLAGS.getOrDefault(m.group(1), m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(flag));
    }
    m.appendTail(out);
    return out.toString();
  }
}
