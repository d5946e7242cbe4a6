package dev.mgnagent.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.Sleeper;
import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.Main;
import dev.mgnagent.cli.SignalDisposition;
import dev.mgnagent.host.Command;
import dev.mgnagent.host.CommandRunner;
import dev.mgnagent.host.Host;
import dev.mgnagent.host.RunningCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A signal sent to this JVM during {@code fleet preflight}, while two hosts' checks wait on
 * commands that never answer (until the connection is closed): the running hosts are stopped by
 * closing their connections and are CANCELLED, the host not started is SKIPPED, and the exit code
 * is the signal's (130 for INT, 143 for TERM).
 */
@Timeout(120)
class FleetInspectionSignalTest {

  @TempDir Path temp;

  @Test
  void sigintStopsTheRunningHostsAndSkipsTheRest() throws Exception {
    stopsTheRunningHosts("INT", 130);
  }

  @Test
  void sigtermStopsTheRunningHostsAndSkipsTheRest() throws Exception {
    stopsTheRunningHosts("TERM", 143);
  }

  private void stopsTheRunningHosts(String signal, int exitCode) throws Exception {
    SignalDisposition.assumeDelivered(signal);
    List<SilentHost> connected = new CopyOnWriteArrayList<>();
    CountDownLatch bothWaiting = new CountDownLatch(2);
    CliContext context =
        new CliContext(Map.of("HOME", temp.toString()), Clock.systemUTC(), Sleeper.SYSTEM, false)
            .withFleetConnectors(
                ssh ->
                    fleetHost -> {
                      SilentHost host = new SilentHost(temp, bothWaiting);
                      connected.add(host);
                      return host;
                    });
    Path inventory = Files.writeString(temp.resolve("hosts.csv"), "host\nweb-1\nweb-2\nweb-3\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                Main.run(
                    new String[] {
                      "fleet", "preflight", "--inventory", inventory.toString(), "--parallel", "2"
                    },
                    new PrintWriter(out, true),
                    new PrintWriter(err, true),
                    context));
    assertThat(bothWaiting.await(60, TimeUnit.SECONDS)).as(err.toString()).isTrue();

    Process kill =
        new ProcessBuilder("kill", "-" + signal, Long.toString(ProcessHandle.current().pid()))
            .start();
    assertThat(kill.waitFor()).isZero();

    assertThat(exit.get(60, TimeUnit.SECONDS)).as(out + "\n" + err).isEqualTo(exitCode);
    assertThat(out.toString())
        .contains("== web-1: CANCELLED", "== web-2: CANCELLED", "== web-3: SKIPPED")
        .doesNotContain("DONE");
    assertThat(err.toString())
        .contains("stopped by SIG" + signal, "running hosts were stopped and are CANCELLED");
    assertThat(connected).hasSize(2).allSatisfy(h -> assertThat(h.closed).isDone());
  }

  /**
   * A connected host whose commands never answer: starting one waits until the connection is closed
   * and then fails, as a command over a closed SSH connection does.
   */
  private static final class SilentHost implements Host, AutoCloseable {
    final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final Path root;
    private final CountDownLatch waiting;
    private boolean counted;

    SilentHost(Path root, CountDownLatch waiting) {
      this.root = root;
      this.waiting = waiting;
    }

    @Override
    public Path root() {
      return root;
    }

    @Override
    public Map<String, String> environment() {
      return Map.of();
    }

    @Override
    public CommandRunner commandRunner() {
      return this::start;
    }

    private RunningCommand start(Command command) throws IOException {
      synchronized (this) {
        if (!counted) {
          counted = true;
          waiting.countDown();
        }
      }
      closed.join();
      throw new IOException("the connection was closed");
    }

    @Override
    public void close() {
      closed.complete(null);
    }
  }
}
