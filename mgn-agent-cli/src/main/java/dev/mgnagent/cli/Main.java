package dev.mgnagent.cli;

import java.io.PrintWriter;

/**
 * The {@code mgn-agent} command line. Only the subcommand that runs is loaded, so that light
 * commands such as {@code disks} never load the classes of heavy ones (the AWS SDK, Jackson).
 */
public final class Main {

  private Main() {}

  /**
   * The AWS SDK's SigV4 signers log the canonical request at debug level, and it carries the {@code
   * x-amz-security-token} header's value: with slf4j-simple at debug, a session token would reach
   * stderr. Those loggers stay at info unless the user names them explicitly.
   */
  static final java.util.List<String> SECRET_LOGGING_LOGGERS =
      java.util.List.of(
          "software.amazon.awssdk.http.auth.aws.internal.signer",
          "software.amazon.awssdk.auth.signer");

  public static void main(String[] args) {
    quietSigners();
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int exitCode = run(args, out, err);
    out.flush();
    err.flush();
    System.exit(exitCode);
  }

  /**
   * Keeps the signers' loggers (see {@link #SECRET_LOGGING_LOGGERS}) at info; before any logger
   * exists.
   */
  static void quietSigners() {
    for (String logger : SECRET_LOGGING_LOGGERS) {
      String property = "org.slf4j.simpleLogger.log." + logger;
      if (System.getProperty(property) == null) {
        System.setProperty(property, "info");
      }
    }
  }

  /**
   * Runs the command line {@code args}, writing to {@code out} and {@code err}; returns the exit
   * code.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, new CliContext(System.getenv()));
  }

  /** {@link #run(String[], PrintWriter, PrintWriter)} with the given environment. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, CliContext context) {
    return new CommandLineRunner(Subcommands.all(context), out, err).run(args);
  }
}
