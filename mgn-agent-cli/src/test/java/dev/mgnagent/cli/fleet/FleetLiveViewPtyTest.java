package dev.mgnagent.cli.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.cli.ChildJvm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fleet install} in a JVM of its own, once under a real pseudo-terminal ({@code script} of
 * util-linux) and once with stdout a pipe: on the terminal the screen, read through a {@link
 * VirtualScreen}, ends with the live view's counts drawn once; through the pipe the output is plain
 * lines without a terminal control sequence.
 */
@Timeout(300)
@EnabledIf(value = "scriptAvailable", disabledReason = "no /usr/bin/script (util-linux) for a pty")
class FleetLiveViewPtyTest {

  @TempDir Path temp;

  static boolean scriptAvailable() {
    return Files.isExecutable(Path.of("/usr/bin/script"));
  }

  private static List<String> javaCommand(Path dir) {
    return List.of(
        ChildJvm.java(),
        ChildJvm.C1_ONLY,
        "-cp",
        System.getProperty("java.class.path"),
        "-Djava.io.tmpdir=" + dir,
        LiveViewMain.class.getName(),
        dir.toString());
  }

  private static String quoted(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** Runs {@code command}; returns its combined output and exit code. */
  private static Result run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    CompletableFuture<String> output =
        CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
    if (!process.waitFor(240, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("still running after 240 s");
    }
    return new Result(output.get(30, TimeUnit.SECONDS), process.exitValue());
  }

  private static String readAll(InputStream in) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      in.transferTo(bytes);
      return bytes.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Result(String output, int exitCode) {}

  @Test
  void onATerminalTheCountsAreRedrawnInPlace() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("tty"));
    List<String> words = new ArrayList<>();
    for (String word : javaCommand(dir)) {
      words.add(quoted(word));
    }

    Result result = run(List.of("/usr/bin/script", "-qfec", String.join(" ", words), "/dev/null"));

    assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
    assertThat(result.output()).contains("\u001b[");
    List<String> screen = VirtualScreen.of(result.output());
    assertThat(screen)
        .as(result.output())
        .containsOnlyOnce("fleet: 3/3 done, 2 failed, 0 running, 0 waiting")
        .anySatisfy(l -> assertThat(l).startsWith("[web-1] INSTALLED as source server s-"))
        .anySatisfy(l -> assertThat(l).startsWith("[gone-1] UNREACHABLE"))
        .contains("mgn-agent: fleet: 1 installed, 0 failed, 2 unreachable, 0 skipped, 0 cancelled");
    // no block of an earlier moment is left on the screen
    assertThat(screen).noneMatch(l -> l.startsWith("fleet: ") && !l.startsWith("fleet: 3/3"));
    assertThat(screen).noneMatch(l -> l.contains("connecting"));
  }

  @Test
  void throughAPipeTheLinesArePlain() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("pipe"));

    Result result = run(javaCommand(dir));

    assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
    assertThat(result.output())
        .doesNotContain("\u001b[")
        .contains("[web-1] started; ")
        .contains("[gone-2] UNREACHABLE")
        .doesNotContain("fleet: 3/3 done");
  }
}
