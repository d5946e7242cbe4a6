package dev.mgnagent.cli;

import java.io.PrintWriter;

/**
 * The {@code mgn-agent} command line. Only the subcommand that runs is loaded, so that light
 * commands such as {@code disks} never load the classes of heavy ones (the AWS SDK, Jackson).
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int exitCode = run(args, out, err);
    out.flush();
    err.flush();
    System.exit(exitCode);
  }

  /** Runs the command line {@code args}, writing to {@code out} and {@code err}; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, new CliContext(System.getenv()));
  }

  /** {@link #run(String[], PrintWriter, PrintWriter)} with the given environment. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, CliContext context) {
    return new CommandLineRunner(Subcommands.all(context), out, err).run(args);
  }
}
