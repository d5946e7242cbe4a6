package dev.mgnagent.cli.badinput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mgnagent.cli.CliRun;
import dev.mgnagent.cli.sandbox.SandboxServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code bad-input/corpus.tsv} through the CLI in this JVM: exit 2, one short line on
 * stderr naming the flag or value, no Java class name or stack trace, nothing on stdout but the
 * JSON error document with {@code --json}, no file created, no request to the sandbox's fakes, no
 * installer run, and the canary secret never printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTest {

  /** Never printed: every case that passes a secret passes this one. */
  static final String SECRET = "CANARYsecretDoNotPrint0123456789abcdefghij";

  private static final int MAX_LINE = 300;

  @TempDir static Path temp;

  private SandboxServers sandbox;
  private final Map<String, Path> trees = new HashMap<>();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  void startSandbox() {
    sandbox = SandboxServers.start("us-east-1", tree("standard"));
  }

  @AfterAll
  void stopSandbox() {
    sandbox.close();
  }

  static Stream<Corpus> corpus() {
    return Corpus.load().stream();
  }

  @Test
  void theCorpusHasAtLeast150DistinctCases() {
    List<Corpus> cases = Corpus.load();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
    assertThat(cases.stream().map(Corpus::id).collect(Collectors.toSet())).hasSameSizeAs(cases);
    assertThat(cases)
        .allSatisfy(
            c ->
                assertThat(c.tree().equals("-") || HostTrees.NAMES.contains(c.tree()))
                    .as(c.id())
                    .isTrue());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("corpus")
  void isRefusedCleanly(Corpus c) {
    String[] args = c.args(values(c));
    Set<String> before = snapshot();
    int mgnRequests = sandbox.mgn().requests().size();
    int bucketRequests = sandbox.bucket().requests().size();
    int installerRuns = sandbox.installer().runs().size();

    CliRun run =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () -> CliRun.withEnvironment(Map.of("HOME", temp.resolve("home").toString()), args));

    String err = run.err();
    assertThat(run.exitCode()).as("exit code; stderr: %s", err).isEqualTo(2);
    assertThat(err).as("one line on stderr").endsWith("\n");
    String line = err.substring(0, err.length() - 1);
    assertThat(line).as("one line on stderr").doesNotContain("\n", "\r");
    assertThat(line.length()).as("length of: %s", line).isLessThanOrEqualTo(MAX_LINE);
    assertThat(line).startsWith("mgn-agent: ");
    assertThat(line).as("names %s", c.expected()).contains(c.expected());
    assertThat(line).doesNotContain("Exception", "dev.mgnagent.", "java.", "picocli.", "\tat ");
    assertThat(line.chars().filter(ch -> ch < 0x20 || ch == 0x7f)).isEmpty();
    if (List.of(args).contains("--json")) {
      JsonNode error = readJson(run.out()).get("error");
      assertThat(error).as("stdout: %s", run.out()).isNotNull();
      assertThat(error.get("type").asText()).isEqualTo("INVALID_REQUEST");
    } else {
      assertThat(run.out()).as("stdout").isEmpty();
    }
    assertThat(run.out() + run.err()).doesNotContain(SECRET).doesNotContain("CANARY");
    Set<String> after = snapshot();
    Set<String> created = new HashSet<>(after);
    created.removeAll(before);
    Set<String> removed = new HashSet<>(before);
    removed.removeAll(after);
    assertThat(new TreeSet<>(created)).as("files created").isEmpty();
    assertThat(new TreeSet<>(removed)).as("files removed").isEmpty();
    assertThat(sandbox.mgn().requests()).as("MGN requests").hasSize(mgnRequests);
    assertThat(sandbox.bucket().requests()).as("bucket requests").hasSize(bucketRequests);
    assertThat(sandbox.installer().runs()).as("installer runs").hasSize(installerRuns);
  }

  /** One unreadable device among good ones is skipped with a warning; the rest still works. */
  @Test
  void aSingleUnreadableDeviceIsSkippedWithAWarning() throws IOException {
    Path root = HostTrees.standard().remove("sys/block/sdb/size").writeTo(temp.resolve("one-bad"));
    Files.createDirectories(root.resolve("sys/block/sdb/size"));
    CliRun run =
        assertTimeoutPreemptively(
            Duration.ofSeconds(30), () -> CliRun.of("disks", "--host-root", root.toString()));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("/dev/sda").contains("/dev/nvme0n1").doesNotContain("/dev/sdb ");
    assertThat(run.err())
        .contains("sdb")
        .containsIgnoringCase("warning")
        .doesNotContain("Exception");
  }

  /** The same, when a device's size file is a FIFO, which a plain read would wait on forever. */
  @Test
  void aFifoInsteadOfASysfsFileIsSkippedWithoutHanging() throws IOException {
    Path root = HostTrees.standard().remove("sys/block/sdb/size").writeTo(temp.resolve("fifo"));
    new ProcessBuilder("mkfifo", root.resolve("sys/block/sdb/size").toString()).start();
    assertThatCode(
            () -> {
              CliRun run =
                  assertTimeoutPreemptively(
                      Duration.ofSeconds(30),
                      () -> CliRun.of("disks", "--host-root", root.toString()));
              assertThat(run.exitCode()).as(run.err()).isZero();
              assertThat(run.err()).contains("sdb");
            })
        .doesNotThrowAnyException();
  }

  private Map<String, String> values(Corpus c) {
    Map<String, String> values = new HashMap<>();
    values.put("mgn", sandbox.mgn().endpoint().toString());
    values.put("s3", sandbox.bucket().endpoint().toString());
    values.put("key", sandbox.mgn().adminCredentials().accessKeyId());
    values.put("secret", SECRET);
    values.put("tmp", temp.toString());
    values.put(
        "tree",
        c.tree().equals("-") ? temp.resolve("no-tree").toString() : tree(c.tree()).toString());
    return values;
  }

  private Path tree(String name) {
    return trees.computeIfAbsent(name, n -> HostTrees.build(n, temp.resolve("trees").resolve(n)));
  }

  private JsonNode readJson(String out) {
    try {
      String[] lines = out.strip().split("\n");
      assertThat(lines).as("one JSON document: %s", out).hasSize(1);
      return json.readTree(lines[0]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The files under the test's temp directory (trees, {@code HOME}, {@code {tmp}} outputs) and the
   * sandbox directory, and the working directory's entries. The system temp directory is left out:
   * other builds on this machine create {@code mgn-agent*} entries there at any time; a download or
   * installation that started would show in the fakes' request logs instead.
   */
  private Set<String> snapshot() {
    Set<String> files = new HashSet<>();
    files.addAll(walk(temp, Integer.MAX_VALUE));
    files.addAll(walk(sandbox.directory(), Integer.MAX_VALUE));
    files.addAll(walk(Path.of("").toAbsolutePath(), 1));
    return files;
  }

  private static Set<String> walk(Path dir, int depth) {
    try (Stream<Path> paths = Files.walk(dir, depth)) {
      return paths.map(Path::toString).collect(Collectors.toSet());
    } catch (IOException | UncheckedIOException e) {
      return Set.of("unreadable: " + dir);
    }
  }
}
