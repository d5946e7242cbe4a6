package dev.mgnagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mgnagent.cli.sandbox.SandboxServers;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM and SIGINT to {@code mgn-agent install --sandbox} from the shaded jar while the fake
 * installer hangs with a child of its own: the installer's whole session is stopped, no mgn-agent
 * temporary directory is left in the process's own temporary directory, one line says what was
 * stopped, and the exit code is 143 or 130.
 */
class SignalStopJarIT {

  @TempDir Path temp;

  private final List<Long> sessionLeftovers = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    sessionLeftovers.forEach(
        pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
  }

  @Test
  void sigtermStopsTheInstallersSessionCleansUpAndExits143() throws Exception {
    stopMidInstall("TERM", 143);
  }

  @Test
  void sigintStopsTheInstallersSessionCleansUpAndExits130() throws Exception {
    stopMidInstall("INT", 130);
  }

  @Test
  void sighupEndsTheSandboxAfterRemovingItsDirectory() throws Exception {
    SignalDisposition.assumeDelivered("HUP");
    Path tmp = Files.createDirectories(temp.resolve("tmp"));
    Process sandbox =
        new ProcessBuilder(
                ChildJvm.java(),
                ChildJvm.C1_ONLY,
                "-Djava.io.tmpdir=" + tmp,
                "-jar",
                Path.of(System.getProperty("mgnagent.jar", "target/mgn-agent.jar"))
                    .toAbsolutePath()
                    .toString(),
                "sandbox")
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectError(temp.resolve("stderr").toFile())
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).contains("mgnEndpoint");
      assertThat(mgnAgentEntries(tmp)).as("the sandbox directory while serving").hasSize(1);

      new ProcessBuilder("kill", "-HUP", Long.toString(sandbox.pid())).start().waitFor();

      assertThat(sandbox.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(sandbox.exitValue()).as(stderr()).isEqualTo(129);
      assertThat(stderr())
          .contains("mgn-agent: stopped by SIGHUP: stopped the sandbox and removed its directory");
      assertThat(mgnAgentEntries(tmp)).isEmpty();
    } finally {
      sandbox.destroyForcibly();
    }
  }

  private void stopMidInstall(String signal, int expectedExit) throws Exception {
    SignalDisposition.assumeDelivered(signal);
    Path tmp = Files.createDirectories(temp.resolve("tmp"));
    Path host = FakeBlockDeviceScenarios.virtioWithSeparateBoot().writeTo(temp.resolve("host"));
    ProcessBuilder builder =
        new ProcessBuilder(
                ChildJvm.java(),
                ChildJvm.C1_ONLY,
                "-Djava.io.tmpdir=" + tmp,
                "-D" + SandboxServers.INSTALLER_FAILURE_PROPERTY + "=HANG",
                "-jar",
                Path.of(System.getProperty("mgnagent.jar", "target/mgn-agent.jar"))
                    .toAbsolutePath()
                    .toString(),
                "install",
                "--sandbox",
                "--no-prompt",
                "--json",
                "--host-root",
                host.toString())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectError(temp.resolve("stderr").toFile());
    builder.environment().put("TMPDIR", tmp.toString());
    Process mgnAgent = builder.start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(mgnAgent.getInputStream(), StandardCharsets.UTF_8));
      long installer = -1;
      ObjectMapper json = new ObjectMapper();
      for (String line; (line = out.readLine()) != null; ) {
        JsonNode event = json.readTree(line);
        if (event.path("type").asText().equals("installerStarted")) {
          installer = event.path("pid").asLong();
        }
        if (line.contains("All volumes for replication were successfully identified")) {
          break; // the fake now starts its child and hangs
        }
      }
      assertThat(installer).as("the installer's pid").isPositive();
      long session = installer;
      awaitChildInSession(session);
      sessionLeftovers.addAll(sessionMembers(session));
      assertThat(mgnAgentEntries(tmp)).as("temporary directories during the install").isNotEmpty();

      new ProcessBuilder("kill", "-" + signal, Long.toString(mgnAgent.pid())).start().waitFor();
      out.transferTo(java.io.Writer.nullWriter());

      assertThat(mgnAgent.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(mgnAgent.exitValue()).as(stderr()).isEqualTo(expectedExit);
      assertThat(stderr())
          .contains(
              "mgn-agent: stopped by SIG"
                  + signal
                  + ": stopped the installer (process "
                  + installer
                  + ") and every process of its session");
      assertThat(sessionMembers(session)).as("processes left in the installer's session").isEmpty();
      assertThat(mgnAgentEntries(tmp)).as("mgn-agent temporary entries left").isEmpty();
    } finally {
      mgnAgent.destroyForcibly();
    }
  }

  /** Waits (bounded) until the hanging fake's {@code sleep} child is in the installer's session. */
  private static void awaitChildInSession(long session) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (sessionMembers(session).stream().noneMatch(SignalStopJarIT::isSleep)) {
      assertThat(System.nanoTime() - deadline).as("waiting for the installer's child").isNegative();
      TimeUnit.MILLISECONDS.sleep(20); // polling an external process table, not timing
    }
  }

  private static boolean isSleep(long pid) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"))
          .startsWith("sleep\0");
    } catch (IOException e) {
      return false;
    }
  }

  /** The live (non-zombie) processes whose session ID is {@code session}, read from /proc. */
  private static List<Long> sessionMembers(long session) throws IOException {
    List<Long> members = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path entry : entries) {
        try {
          String stat = Files.readString(entry.resolve("stat"));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          if (Long.parseLong(fields[3]) == session && !fields[0].equals("Z")) {
            members.add(Long.parseLong(entry.getFileName().toString()));
          }
        } catch (IOException gone) {
          // exited while listed
        }
      }
    }
    return members;
  }

  private static List<String> mgnAgentEntries(Path tmp) throws IOException {
    try (Stream<Path> entries = Files.list(tmp)) {
      return entries
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("mgn-agent") || n.startsWith(".mgn-agent"))
          .toList();
    }
  }

  private String stderr() throws IOException {
    return Files.readString(temp.resolve("stderr"), StandardCharsets.UTF_8);
  }
}
