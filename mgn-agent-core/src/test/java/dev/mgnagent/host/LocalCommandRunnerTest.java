package dev.mgnagent.host;

import static dev.mgnagent.host.ProcessProbe.PATIENCE;
import static dev.mgnagent.host.ProcessProbe.readAll;
import static dev.mgnagent.host.ProcessProbe.readUntil;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Starting processes, their streams, environment and working directory. */
class LocalCommandRunnerTest {

  private final CommandRunner runner = LocalHost.create().commandRunner();

  private static Command sh(String script) {
    return Command.of("/bin/sh", "-c", script);
  }

  @Test
  void stdoutAndStderrAreSeparateAndTheExitCodeIsReturned() throws Exception {
    try (RunningCommand process = runner.start(sh("printf out; printf err >&2; exit 3"))) {
      assertThat(process.waitFor(PATIENCE)).hasValue(3);
      assertThat(readAll(process.stdout())).isEqualTo("out");
      assertThat(readAll(process.stderr())).isEqualTo("err");
    }
  }

  @ParameterizedTest(name = "newSession={0}")
  @ValueSource(booleans = {false, true})
  void outputArrivesBeforeTheNewline(boolean newSession) throws Exception {
    Command prompt = sh("printf 'Enter: '; read x; echo got:$x").withNewSession(newSession);
    try (RunningCommand process = runner.start(prompt)) {
      // The upper bound only stops a buffering runner from hanging the build.
      String shown = assertTimeoutPreemptively(PATIENCE, () -> readUntil(process.stdout(), ": "));

      assertThat(shown).isEqualTo("Enter: ");
      assertThat(process.isAlive()).isTrue();
    }
  }

  @Test
  void answerOnStdinReachesTheWaitingProcessWithoutFlush() throws Exception {
    try (RunningCommand process = runner.start(sh("printf 'Enter: '; read x; echo got:$x"))) {
      assertTimeoutPreemptively(PATIENCE, () -> readUntil(process.stdout(), "Enter: "));

      process.stdin().write("hello\n".getBytes(UTF_8)); // no flush(), no close()

      assertThat(assertTimeoutPreemptively(PATIENCE, () -> readUntil(process.stdout(), "\n")))
          .isEqualTo("got:hello\n");
      assertThat(process.waitFor(PATIENCE)).hasValue(0);
    }
  }

  @Test
  void closingStdinSendsEndOfFile() throws Exception {
    try (RunningCommand process = runner.start(Command.of("/bin/cat"))) {
      process.stdin().write("abc".getBytes(UTF_8));
      process.stdin().close();

      assertThat(process.waitFor(PATIENCE)).hasValue(0);
      assertThat(readAll(process.stdout())).isEqualTo("abc");
    }
  }

  @ParameterizedTest(name = "newSession={0}")
  @ValueSource(booleans = {false, true})
  void environmentIsExactlyTheGivenOne(boolean newSession) throws Exception {
    Map<String, String> environment = Map.of("A", "1", "B", "two words", "C", "x=y");
    Command env =
        Command.of("/usr/bin/env").withEnvironment(environment).withNewSession(newSession);
    try (RunningCommand process = runner.start(env)) {
      assertThat(process.waitFor(PATIENCE)).hasValue(0);
      assertThat(readAll(process.stdout()).lines())
          .containsExactlyInAnyOrder("A=1", "B=two words", "C=x=y");
    }
  }

  @Test
  void emptyEnvironmentHasNoPath() throws Exception {
    try (RunningCommand process = runner.start(Command.of("/usr/bin/env"))) {
      assertThat(process.waitFor(PATIENCE)).hasValue(0);
      assertThat(readAll(process.stdout())).isEmpty();
    }
  }

  @ParameterizedTest(name = "newSession={0}")
  @ValueSource(booleans = {false, true})
  void workingDirectoryIsHonoured(boolean newSession, @TempDir Path directory) throws Exception {
    Command pwd = sh("pwd -P").withWorkingDirectory(directory).withNewSession(newSession);
    try (RunningCommand process = runner.start(pwd)) {
      assertThat(process.waitFor(PATIENCE)).hasValue(0);
      assertThat(readAll(process.stdout())).isEqualTo(directory.toRealPath() + "\n");
    }
  }

  @ParameterizedTest(name = "newSession={0}")
  @ValueSource(booleans = {false, true})
  void relativeProgramPathStartsFromTheWorkingDirectory(boolean newSession) throws Exception {
    Command echo =
        new Command(
            List.of("./bin/sh", "-c", "echo hi"), Map.of(), Optional.of(Path.of("/")), newSession);
    try (RunningCommand process = runner.start(echo)) {
      assertThat(process.waitFor(PATIENCE)).hasValue(0);
      assertThat(readAll(process.stdout())).isEqualTo("hi\n");
    }
  }

  @Test
  void missingWorkingDirectoryIsReportedAsSuch(@TempDir Path directory) {
    Path missing = directory.resolve("missing");

    assertThatThrownBy(() -> runner.start(Command.of("/bin/true").withWorkingDirectory(missing)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("/bin/true")
        .hasMessageContaining(missing.toString());
  }

  @ParameterizedTest(name = "{0}, newSession={1}")
  @CsvSource({
    "/nonexistent/mgn-agent-no-such-program, false",
    "/nonexistent/mgn-agent-no-such-program, true",
    "mgn-agent-no-such-program, false",
    "mgn-agent-no-such-program, true"
  })
  void missingProgramIsNamedAndTheEnvironmentIsNot(String program, boolean newSession) {
    Command command =
        Command.of(program).withEnvironment(Map.of("SECRET", "hunter2")).withNewSession(newSession);

    assertThatThrownBy(() -> runner.start(command))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("cannot start " + program)
        .satisfies(e -> assertThat(fullText(e)).doesNotContain("hunter2", "SECRET"));
  }

  @ParameterizedTest(name = "newSession={0}")
  @ValueSource(booleans = {false, true})
  void programThatIsNotExecutableIsNamed(boolean newSession, @TempDir Path directory)
      throws IOException {
    Path script = Files.writeString(directory.resolve("script"), "#!/bin/sh\n");

    assertThatThrownBy(() -> runner.start(Command.of(script.toString()).withNewSession(newSession)))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("cannot start " + script);
  }

  @Test
  void invalidEnvironmentValueIsRefusedWithoutRepeatingIt() {
    Command command = Command.of("/bin/true").withEnvironment(Map.of("TOKEN", "hunter2\0"));

    assertThatThrownBy(() -> runner.start(command))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("TOKEN")
        .satisfies(e -> assertThat(fullText(e)).doesNotContain("hunter2"));
  }

  @Test
  void invalidEnvironmentNameIsRefusedWithoutRepeatingIt() {
    Command command = Command.of("/bin/true").withEnvironment(Map.of("SECRET=hunter2", "x"));

    assertThatThrownBy(() -> runner.start(command))
        .isInstanceOf(IOException.class)
        .satisfies(e -> assertThat(fullText(e)).doesNotContain("hunter2"));
  }

  /** The messages of the exception and all its causes. */
  private static String fullText(Throwable e) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      text.append(t).append('\n');
    }
    return text.toString();
  }
}
