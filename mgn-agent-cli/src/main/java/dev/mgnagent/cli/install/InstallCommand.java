package dev.mgnagent.cli.install;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.MgnAgentException;
import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.ExitCodes;
import dev.mgnagent.cli.FailedResult;
import dev.mgnagent.cli.Flags;
import dev.mgnagent.cli.SignalStop;
import dev.mgnagent.cli.output.EventJson;
import dev.mgnagent.cli.output.JsonWriter;
import dev.mgnagent.cli.output.TerminalText;
import dev.mgnagent.cli.sandbox.SandboxServers;
import dev.mgnagent.event.EventListener;
import dev.mgnagent.install.AgentInstallation;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.install.InstallStep;
import dev.mgnagent.install.InstallStepFinished;
import dev.mgnagent.install.InstallationCancelledException;
import dev.mgnagent.install.InstallationResult;
import dev.mgnagent.install.RunningInstallation;
import dev.mgnagent.installer.InstallerStarted;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code mgn-agent install}: the seed's whole procedure. Takes the official installer's parameters
 * with their names and rules, plus mgn-agent's own; {@code --sandbox} runs it all against local
 * fakes without changing this machine.
 */
@Command(
    name = "install",
    mixinStandardHelpOptions = true,
    description = {
      "Install the AWS Replication Agent: initialize MGN if asked, download and verify the"
          + " installer, select the disks, run the installer and confirm the source server.",
      "--sandbox does all of it against local fakes (this machine's disks are only read)."
    })
public final class InstallCommand implements Callable<Integer> {

  private final CliContext context;

  @Spec CommandSpec spec;

  @Mixin InstallOptions options;

  public InstallCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    InstallPrompts prompts = InstallPrompts.of(context, options.noPrompt);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    InstallRequest.Builder request = options.request(prompts);
    EventListener listener =
        options.json.json()
            ? new EventJson(out)
            : new InstallRenderer(out, err, prompts.interactive());
    try (SandboxServers sandbox = options.sandbox ? options.startSandbox() : null) {
      AgentInstallation.Builder installation = AgentInstallation.builder().eventListener(listener);
      InstallRequest checked = options.prepare(request, sandbox, installation, prompts);
      if (options.dryRun) {
        out.println(String.join(" ", installation.build().dryRun(checked)));
        options.commandLineSecretWarnings().forEach(err::println);
        return ExitCodes.OK;
      }
      return run(installation, checked, listener, out, err);
    }
  }

  /** Runs the installation until it ends or a signal stops it; reports the result. */
  private int run(
      AgentInstallation.Builder installation,
      InstallRequest checked,
      EventListener listener,
      PrintWriter out,
      PrintWriter err) {
    AtomicLong installerPid = new AtomicLong(-1);
    // warned once the request is valid: a bad request gets its one line and nothing else
    List<String> secretWarnings = options.commandLineSecretWarnings();
    installation.eventListener(
        listener
            .andThen(EventListener.on(InstallerStarted.class, e -> installerPid.set(e.pid())))
            .andOn(
                InstallStepFinished.class,
                e -> {
                  if (e.step() == InstallStep.VALIDATE) {
                    secretWarnings.forEach(err::println);
                    err.flush();
                  }
                }));
    RunningInstallation running = installation.build().start(checked);
    try (SignalStop signals = SignalStop.on(running::cancel)) {
      InstallationResult result = awaitStopped(running, signals, installerPid);
      report(out, err, result);
      return result.succeeded() ? ExitCodes.OK : ExitCodes.FAILED;
    } catch (Stopped stopped) {
      // the installation and mgn-agent's cleanup have ended; the sandbox closes after this
      err.println(stopped.getMessage());
      return stopped.exitCode;
    } catch (MgnAgentException e) {
      if (!options.json.json() || e instanceof InvalidRequestException) {
        throw e;
      }
      throw new FailedResult("installed", e);
    }
  }

  /**
   * Waits for the installation; after a signal, waits for its cleanup and throws {@link Stopped}
   * with the line to print. This thread is never interrupted by the signal, so it always waits.
   */
  private static InstallationResult awaitStopped(
      RunningInstallation running, SignalStop signals, AtomicLong installerPid) {
    try {
      InstallationResult result = running.await();
      if (signals.received().isEmpty()) {
        return result;
      }
    } catch (InstallationCancelledException e) {
      // reported below
    } catch (MgnAgentException e) {
      if (signals.received().isEmpty()) {
        throw e;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.cancel();
      throw new MgnAgentException("interrupted while waiting for the installation", e);
    }
    long pid = installerPid.get();
    throw new Stopped(
        signals.line(
            pid > 0
                ? "stopped the installer (process "
                    + pid
                    + ") and every process of its session;"
                    + " removed mgn-agent's temporary files; what the installer changed stays"
                : "stopped the installation before the installer started; removed mgn-agent's temporary"
                    + " files"),
        signals.exitCode());
  }

  /** The installation was stopped by a signal; the message is the line to print. */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    Stopped(String line, int exitCode) {
      super(line, null, false, false);
      this.exitCode = exitCode;
    }
  }

  private void report(PrintWriter out, PrintWriter err, InstallationResult result) {
    if (options.json.json()) {
      out.println(
          JsonWriter.object()
              .field("type", "result")
              .field("installed", true)
              .field("sourceServerId", result.sourceServerId().value())
              .field("selectedDisks", result.selection().paths())
              .field("registeredDisks", result.registeredDisks())
              .field("initialSync", result.initialSync().map(w -> w.outcome().name()))
              .warnings("warnings", result.warnings())
              .toJson());
    } else {
      result
          .warnings()
          .forEach(
              w -> err.println("warning: " + TerminalText.escape(Flags.inCliTerms(w.message()))));
      out.println(
          "mgn-agent: installed; source server "
              + result.sourceServerId()
              + result
                  .initialSync()
                  .map(
                      w ->
                          "; initial sync " + w.outcome().name().toLowerCase(java.util.Locale.ROOT))
                  .orElse(""));
    }
  }
}
