package dev.mgnagent.cli.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a launcher script the way a person's shell does, with a bare environment: {@code PATH} holds
 * only this test's Java and the system's basic tools, {@code HOME} and {@code TMPDIR} are the
 * test's own directories.
 */
final class Launch {

  /** What one run printed and returned. */
  record Result(int exitCode, String stdout, String stderr) {}

  private final Path script;
  private final Path home;
  private final Path tmp;
  private final Path workingDirectory;
  private final Map<String, String> extra;

  Launch(Path script, Path home, Path tmp, Path workingDirectory, Map<String, String> extra) {
    this.script = script;
    this.home = home;
    this.tmp = tmp;
    this.workingDirectory = workingDirectory;
    this.extra = extra;
  }

  Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(script.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
    Map<String, String> env = builder.environment();
    env.clear();
    env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
    env.put("HOME", home.toString());
    env.put("TMPDIR", tmp.toString());
    env.put("MGN_AGENT_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp);
    env.putAll(extra);
    Path out = Files.createTempFile(tmp.getParent(), "launch", ".out");
    Path err = Files.createTempFile(tmp.getParent(), "launch", ".err");
    Process process =
        builder
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    boolean finished = process.waitFor(180, TimeUnit.SECONDS);
    if (!finished) {
      process.destroyForcibly();
    }
    assertThat(finished).as("%s finished", command).isTrue();
    Result result =
        new Result(
            process.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return result;
  }
}
