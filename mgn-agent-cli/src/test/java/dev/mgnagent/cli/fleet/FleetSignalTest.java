package dev.mgnagent.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.Sleeper;
import dev.mgnagent.cli.CliContext;
import dev.mgnagent.cli.Main;
import dev.mgnagent.cli.SignalDisposition;
import dev.mgnagent.fleet.HostUnreachableException;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.installer.FakeInstallerFailure;
import dev.mgnagent.testkit.sandbox.MgnSandbox;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGINT during {@code fleet install}, sent to this JVM while the command's handlers are in place
 * (the first host's installer hangs until it is stopped): the running host is CANCELLED, the one
 * not started SKIPPED, both in the results file, and the exit code is 130.
 */
@Timeout(240)
class FleetSignalTest {

  private static final String HANGING = "All volumes for replication were successfully identified";

  @TempDir Path temp;

  @Test
  void sigintCancelsTheRunningHostAndSkipsTheRest() throws Exception {
    SignalDisposition.assumeDelivered("INT");
    InputStream stdin = System.in;
    try (MgnSandbox sandbox =
        MgnSandbox.builder()
            .region("eu-west-3")
            .initialized(true)
            .flavors(InstallerFlavor.BINARY)
            .host(FakeBlockDeviceScenarios.virtioWithSeparateBoot())
            .workDirectory(temp.resolve("sandbox"))
            .configureInstaller(installer -> installer.lineBuffered(true))
            .build()
            .start()) {
      sandbox.installer().failWith(FakeInstallerFailure.HANG);
      CliContext context =
          new CliContext(Map.of("HOME", temp.toString()), Clock.systemUTC(), Sleeper.SYSTEM, false)
              .withFleetConnectors(
                  ssh ->
                      host -> {
                        if (host.address().equals("web-1")) {
                          return sandbox.host();
                        }
                        throw new HostUnreachableException("UNREACHABLE", "no", "none");
                      });
      Path inventory = Files.writeString(temp.resolve("hosts.csv"), "host\nweb-1\nweb-2\n");
      Path results = temp.resolve("results.jsonl");
      System.setIn(
          new ByteArrayInputStream(
              (sandbox.adminCredentials().secretAccessKey() + "\n")
                  .getBytes(StandardCharsets.UTF_8)));
      Watched out = new Watched(HANGING);
      StringWriter err = new StringWriter();
      CompletableFuture<Integer> exit =
          CompletableFuture.supplyAsync(
              () ->
                  Main.run(
                      List.of(
                              "fleet",
                              "install",
                              "--inventory",
                              inventory.toString(),
                              "--region",
                              "eu-west-3",
                              "--endpoint",
                              sandbox.mgnEndpoint().toString(),
                              "--s3-endpoint",
                              sandbox.s3Endpoint().toString(),
                              "--sha512",
                              sandbox.sha512(InstallerFlavor.BINARY),
                              "--aws-access-key-id",
                              sandbox.adminCredentials().accessKeyId(),
                              "--aws-secret-access-key-stdin",
                              "--skip-preflight",
                              "--parallel",
                              "1",
                              "--results",
                              results.toString())
                          .toArray(String[]::new),
                      new PrintWriter(out, true),
                      new PrintWriter(err, true),
                      context));

      out.seen.get(180, TimeUnit.SECONDS);
      Process kill =
          new ProcessBuilder("kill", "-INT", Long.toString(ProcessHandle.current().pid())).start();
      assertThat(kill.waitFor()).isZero();

      assertThat(exit.get(180, TimeUnit.SECONDS)).isEqualTo(130);
      List<String> lines = Files.readAllLines(results);
      assertThat(lines).hasSize(2);
      assertThat(lines)
          .anySatisfy(
              l -> assertThat(l).contains("\"host\":\"web-1\"", "\"outcome\":\"CANCELLED\""))
          .anySatisfy(l -> assertThat(l).contains("\"host\":\"web-2\"", "\"outcome\":\"SKIPPED\""));
      assertThat(err.toString()).contains("stopped by SIGINT");
      assertThat(sandbox.mgn().sourceServers()).isEmpty();
    } finally {
      System.setIn(stdin);
    }
  }

  /** Collects what is written and completes {@link #seen} once {@code marker} was written. */
  private static final class Watched extends Writer {
    final CompletableFuture<Void> seen = new CompletableFuture<>();
    private final StringBuffer text = new StringBuffer();
    private final String marker;

    Watched(String marker) {
      this.marker = marker;
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
      text.append(buffer, offset, length);
      if (text.indexOf(marker) >= 0) {
        seen.complete(null);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
