package dev.mgnagent.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Builds the picocli command line with only the chosen subcommand (all of them for help or an
 * unknown name), runs it, and routes every error through {@link ErrorReporter}.
 */
final class CommandLineRunner {

  private final Subcommands subcommands;
  private final PrintWriter out;
  private final PrintWriter err;

  CommandLineRunner(Subcommands subcommands, PrintWriter out, PrintWriter err) {
    this.subcommands = subcommands;
    this.out = out;
    this.err = err;
  }

  int run(String[] args) {
    List<String> arguments = Arrays.asList(args);
    ErrorReporter errors =
        new ErrorReporter(
            out, err, arguments.contains("--stacktrace"), arguments.contains("--json"));
    try {
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
