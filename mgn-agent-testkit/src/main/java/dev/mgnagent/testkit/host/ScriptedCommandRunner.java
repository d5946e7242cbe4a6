package dev.mgnagent.testkit.host;

import dev.mgnagent.host.Command;
import dev.mgnagent.host.CommandRunner;
import dev.mgnagent.host.RunningCommand;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link CommandRunner} that answers scripted commands without starting any process: each argv
 * gets a fixed exit code, stdout and stderr. An argv that was not scripted cannot be started, as a
 * program that is not installed ({@link IOException}). Records every argv it was asked for.
 */
public final class ScriptedCommandRunner implements CommandRunner {

  /** The scripted answer to one argv. */
  record Answer(int exitCode, String stdout, String stderr) {}

  private final Map<List<String>, Answer> answers;
  private final List<List<String>> started = new CopyOnWriteArrayList<>();

  ScriptedCommandRunner(Map<List<String>, Answer> answers) {
    this.answers = Map.copyOf(answers);
  }

  /** Every argv that was started (or tried), in order. */
  public List<List<String>> started() {
    return List.copyOf(started);
  }

  @Override
  public RunningCommand start(Command command) throws IOException {
    started.add(command.argv());
    Answer answer = answers.get(command.argv());
    if (answer == null) {
      throw new IOException(
          "Cannot run program \""
              + command.argv().get(0)
              + "\": error=2, No such file or directory");
    }
    return new Finished(answer);
  }

  private static final class Finished implements RunningCommand {
    private final Answer answer;
    private final InputStream out;
    private final InputStream err;

    Finished(Answer answer) {
      this.answer = answer;
      this.out = new ByteArrayInputStream(answer.stdout().getBytes(StandardCharsets.UTF_8));
      this.err = new ByteArrayInputStream(answer.stderr().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public long pid() {
      return 4242;
    }

    @Override
    public OutputStream stdin() {
      return new ByteArrayOutputStream();
    }

    @Override
    public InputStream stdout() {
      return out;
    }

    @Override
    public InputStream stderr() {
      return err;
    }

    @Override
    public OptionalInt waitFor(Duration timeout) {
      return OptionalInt.of(answer.exitCode());
    }

    @Override
    public boolean isAlive() {
      return false;
    }

    @Override
    public void killTree() {}

    @Override
    public void close() {}
  }
}
