package dev.mgnagent.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code mgn-agent} command itself: global options; the work happens in subcommands. */
@Command(
    name = "mgn-agent",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Put Linux servers into AWS Application Migration Service (MGN).",
    synopsisSubcommandLabel = "COMMAND")
final class TopCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  /** Read by {@link ErrorReporter} from the raw arguments, since errors may come before parsing. */
  @Option(
      names = "--stacktrace",
      description = "Print the stack trace of an error.",
      scope = ScopeType.INHERIT)
  boolean stacktrace;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.INVALID_REQUEST;
  }
}
