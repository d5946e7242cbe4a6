package dev.mgnagent.cli;

import dev.mgnagent.cli.disks.DisksCommand;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Builds the picocli command line with only the chosen subcommand (all of them for help or an
 * unknown name), runs it, and routes every error through {@link ErrorReporter}. A plain {@code
 * disks} command line, the one typed most often, runs without picocli ({@link
 * DisksCommand#parsedWithoutPicocli}).
 */
final class CommandLineRunner {

  private final Subcommands subcommands;
  private final PrintWriter out;
  private final PrintWriter err;

  /** Whether plain {@code disks} command lines skip picocli (off only to compare the two). */
  private final boolean plainDisksWithoutPicocli;

  CommandLineRunner(Subcommands subcommands, PrintWriter out, PrintWriter err) {
    this(subcommands, out, err, true);
  }

  CommandLineRunner(
      Subcommands subcommands, PrintWriter out, PrintWriter err, boolean plainDisksWithoutPicocli) {
    this.subcommands = subcommands;
    this.out = out;
    this.err = err;
    this.plainDisksWithoutPicocli = plainDisksWithoutPicocli;
  }

  int run(String[] args) {
    List<String> arguments = Arrays.asList(args);
    ErrorReporter errors =
        new ErrorReporter(
            out, err, arguments.contains("--stacktrace"), arguments.contains("--json"));
    try {
      if (plainDisksWithoutPicocli) {
        Optional<DisksCommand> disks = DisksCommand.parsedWithoutPicocli(args);
        if (disks.isPresent()) {
          return disks.get().run(out, err);
        }
      }
      CommandLine commandLine = new CommandLine(new TopCommand());
      Optional<Object> chosen = firstWord(arguments).flatMap(subcommands::create);
      if (chosen.isPresent()) {
        commandLine.addSubcommand(chosen.get());
      } else {
        for (String name : subcommands.names()) {
          commandLine.addSubcommand(subcommands.create(name).orElseThrow());
        }
      }
      commandLine.setOut(out);
      commandLine.setErr(err);
      commandLine.setParameterExceptionHandler((e, ignored) -> errors.usageError(e));
      commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> errors.failure(e));
      return commandLine.execute(args);
    } catch (RuntimeException | LinkageError e) {
      return errors.failure(e);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static Optional<String> firstWord(List<String> arguments) {
    return arguments.stream().filter(a -> !a.startsWith("-")).findFirst();
  }
}
