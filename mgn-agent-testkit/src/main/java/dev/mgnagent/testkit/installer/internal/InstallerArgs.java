package dev.mgnagent.testkit.installer.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The official installer's parameters (facts, section 2), parsed the way argparse would. */
final class InstallerArgs {

  Optional<String> region = Optional.empty();
  Optional<String> accessKeyId = Optional.empty();
  Optional<String> secretAccessKey = Optional.empty();
  Optional<String> sessionToken = Optional.empty();
  boolean noPrompt;
  Optional<String> devices = Optional.empty();
  boolean forceVolumes;
  final Map<String, String> tags = new LinkedHashMap<>();
  Optional<String> s3Endpoint = Optional.empty();
  Optional<String> endpoint = Optional.empty();
  Optional<String> userProvidedId = Optional.empty();
  boolean noReplication;
  boolean dualstack;

  /** A usage error: argparse prints it and exits 2. */
  static final class UsageError extends Exception {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
      super(message, null, false, false);
    }
  }

  static InstallerArgs parse(List<String> argv) throws UsageError {
    InstallerArgs args = new InstallerArgs();
    for (int i = 0; i < argv.size(); i++) {
      String arg = argv.get(i);
      String name =
          arg.contains("=") && arg.startsWith("--") ? arg.substring(0, arg.indexOf('=')) : arg;
      String inline =
          arg.contains("=") && arg.startsWith("--") ? arg.substring(arg.indexOf('=') + 1) : null;
      switch (name) {
        case "--no-prompt" -> args.noPrompt = true;
        case "--force-volumes" -> args.forceVolumes = true;
        case "--no-replication" -> args.noReplication = true;
        case "--dualstack" -> args.dualstack = true;
        case "--tags" -> {
          while (i + 1 < argv.size() && !argv.get(i + 1).startsWith("--")) {
            String tag = argv.get(++i);
            int eq = tag.indexOf('=');
            if (eq <= 0) {
              throw new UsageError("argument --tags: expected KEY=VALUE, got '" + tag + "'");
            }
            args.tags.put(tag.substring(0, eq), tag.substring(eq + 1));
          }
          if (args.tags.isEmpty()) {
            throw new UsageError("argument --tags: expected at least one argument");
          }
        }
        default -> {
          String value = inline;
          if (value == null) {
            if (i + 1 >= argv.size()) {
              throw new UsageError("argument " + name + ": expected one argument");
            }
            value = argv.get(++i);
          }
          args.set(name, value);
        }
      }
    }
    if (args.forceVolumes && !args.noPrompt) {
      throw new UsageError("--force-volumes must be used with --no-prompt");
    }
    if (args.forceVolumes && args.devices.isEmpty()) {
      throw new UsageError("--force-volumes requires --devices");
    }
    if (args.dualstack && args.endpoint.isEmpty()) {
      throw new UsageError("--dualstack requires --endpoint");
    }
    return args;
  }

  private void set(String name, String value) throws UsageError {
    Optional<String> v = Optional.of(value);
    switch (name) {
      case "--region" -> region = v;
      case "--aws-access-key-id" -> accessKeyId = v;
      case "--aws-secret-access-key" -> secretAccessKey = v;
      case "--aws-session-token" -> sessionToken = v;
      case "--devices" -> devices = v;
      case "--s3-endpoint" -> s3Endpoint = v;
      case "--endpoint" -> endpoint = v;
      case "--user-provided-id" -> userProvidedId = v;
      default -> throw new UsageError("unrecognized arguments: " + name);
    }
  }
}
