package dev.mgnagent.cli.fleet;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.cli.output.JsonWriter;
import dev.mgnagent.fleet.HostFailure;
import dev.mgnagent.fleet.HostOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code --results FILE}: one JSON line per host, written and flushed as the host finishes, so a
 * run stopped halfway leaves the lines of the hosts that ended. {@code --retry-failed} reads such a
 * file back ({@link RetryFailed}). Holds no secret: outcomes carry IDs, step names and messages
 * only.
 */
final class ResultsFile implements AutoCloseable {

  private final Writer writer;

  private ResultsFile(Writer writer) {
    this.writer = writer;
  }

  /** Creates or empties {@code file} (never following a symbolic link). */
  static ResultsFile create(Path file) {
    try {
      return new ResultsFile(
          Channels.newWriter(
              Files.newByteChannel(
                  file,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE,
                  StandardOpenOption.TRUNCATE_EXISTING,
                  LinkOption.NOFOLLOW_LINKS),
              StandardCharsets.UTF_8));
    } catch (IOException | UnsupportedOperationException e) {
      throw new InvalidRequestException(
          "--results", "--results " + file + ": cannot write the file (" + e.getMessage() + ")");
    }
  }

  /** The JSON line for {@code outcome}. */
  static String line(HostOutcome outcome) {
    JsonWriter json = JsonWriter.object().field("host", outcome.host().address());
    // the port tells apart hosts of one address (--retry-failed reads it back)
    outcome.host().port().ifPresent(port -> json.field("port", port));
    json.field("outcome", outcome.status().name())
        .field("sourceServerId", outcome.sourceServerId().map(id -> id.value()));
    java.util.Optional<HostFailure> failure = outcome.failure();
    json.field("step", failure.flatMap(HostFailure::step).map(Enum::name))
        .field("reason", failure.map(HostFailure::reason))
        .field("message", failure.map(HostFailure::message))
        .field("remedy", failure.map(HostFailure::remedy))
        .field("durationMs", outcome.duration().toMillis());
    return json.toJson();
  }

  synchronized void write(HostOutcome outcome) {
    try {
      writer.write(line(outcome));
      writer.write('\n');
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
