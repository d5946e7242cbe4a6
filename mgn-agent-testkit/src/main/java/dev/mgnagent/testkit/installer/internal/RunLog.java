package dev.mgnagent.testkit.installer.internal;

import dev.mgnagent.testkit.installer.FakeInstallerRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where each run of the fake installer records itself: one JSON file per run. The values of the
 * secret arguments (which reach the installer's argv only with the force-volumes opt-in) are
 * written as {@code ****}: the sandbox directory is a file mgn-agent's user can read, and a secret
 * never goes to a file.
 */
public final class RunLog {

  private final Path dir;

  private RunLog(Path dir) {
    this.dir = dir;
  }

  public static RunLog in(Path installRoot) {
    return new RunLog(installRoot.resolve(".fake-installer").resolve("runs"));
  }

  void record(FakeInstallerRun run) throws IOException {
    Files.createDirectories(dir);
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("argv", masked(run.argv()));
    node.put("environmentNames", run.environmentNames());
    node.put("flavor", run.flavor());
    node.put("pid", run.pid());
    node.put("sessionId", run.sessionId());
    node.put("hadTerminal", run.hadTerminal());
    String name = String.format("%020d-%d.json", System.nanoTime(), run.pid());
    Files.writeString(dir.resolve(name), MiniJson.write(node));
  }

  /** The flags whose value is a secret. */
  private static final List<String> SECRET_FLAGS =
      List.of("--aws-secret-access-key", "--aws-session-token");

  /** {@code argv} with the value of each secret flag (separate or after {@code =}) as ****. */
  static List<String> masked(List<String> argv) {
    List<String> out = new ArrayList<>();
    boolean secretNext = false;
    for (String arg : argv) {
      if (secretNext) {
        out.add("****");
        secretNext = false;
        continue;
      }
      int eq = arg.indexOf('=');
      if (eq > 0 && SECRET_FLAGS.contains(arg.substring(0, eq))) {
        out.add(arg.substring(0, eq + 1) + "****");
        continue;
      }
      secretNext = SECRET_FLAGS.contains(arg);
      out.add(arg);
    }
    return out;
  }

  public List<FakeInstallerRun> runs() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<FakeInstallerRun> runs = new ArrayList<>();
      for (Path file : files.sorted().toList()) {
        Map<?, ?> node = (Map<?, ?>) MiniJson.parse(Files.readString(file));
        runs.add(
            new FakeInstallerRun(
                strings(node.get("argv")),
                strings(node.get("environmentNames")),
                (String) node.get("flavor"),
                (Long) node.get("pid"),
                (Long) node.get("sessionId"),
                (Boolean) node.get("hadTerminal")));
      }
      return runs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> strings(Object array) {
    List<String> values = new ArrayList<>();
    ((List<?>) array).forEach(v -> values.add((String) v));
    return values;
  }
}
