package dev.mgnagent.cli.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data archive never shows: the first run records its classes in the per-user
 * cache, the second dumps the archive from them, the next runs use it, and an archive that no
 * longer matches the jar (here: the archive of the jar before it changed, under the changed jar's
 * name) or that is garbage leaves stdout, stderr and the exit code exactly as without it.
 */
class LauncherArchiveIT {

  private static final String BAD_OPTION =
      "mgn-agent: Unknown option: '--no-such-option' (see 'mgn-agent disks --help')\n";

  @TempDir Path temp;

  @Test
  void staleOrGarbageArchivesLeaveOutputAndExitCodeUnchanged() throws Exception {
    Path jar = Files.createDirectories(temp.resolve("lib")).resolve("mgn-agent.jar");
    Files.copy(Path.of(System.getProperty("mgnagent.jar")), jar);
    Path home = Files.createDirectories(temp.resolve("home"));
    Path cache = Files.createDirectories(temp.resolve("cache"));
    Launch launch =
        new Launch(
            Path.of(System.getProperty("mgnagent.launcher")),
            home,
            Files.createDirectories(temp.resolve("tmp")),
            Files.createDirectories(temp.resolve("cwd")),
            Map.of("MGN_AGENT_JAR", jar.toString(), "XDG_CACHE_HOME", cache.toString()));
    Path cds = cache.resolve("mgn-agent/cds");

    // first run: records the classes it loads under a temporary name
    assertVersion(launch.run("--version"));
    assertThat(Files.getPosixFilePermissions(cds))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(files(cds)).singleElement().asString().contains(".classes.tmp-");
    // second run: dumps the archive from that list, then runs with it
    assertBadOption(launch.run("disks", "--no-such-option"));
    Path archive = files(cds).get(0);
    assertThat(files(cds)).singleElement().asString().endsWith(".jsa");
    byte[] archiveOfOldJar = Files.readAllBytes(archive);
    assertThat(archiveOfOldJar.length).isGreaterThan(100_000);
    assertVersion(launch.run("--version"));

    // the jar changes: its new archive is replaced by the old jar's before the JVM sees it
    Files.setLastModifiedTime(
        jar, FileTime.from(Files.getLastModifiedTime(jar).toInstant().minus(Duration.ofDays(1))));
    assertVersion(launch.run("--version"));
    Path list =
        files(cds).stream().filter(p -> p.toString().contains(".classes.tmp-")).findFirst().get();
    Path stale = Path.of(list.toString().replaceAll("\\.classes\\.tmp-[0-9]+$", ".jsa"));
    Files.write(stale, archiveOfOldJar);
    assertBadOption(launch.run("disks", "--no-such-option"));
    assertThat(list).as("a list is not dumped over an archive").doesNotExist();
    assertVersion(launch.run("--version"));

    // garbage in its place
    Files.write(stale, "not an archive".repeat(1000).getBytes());
    assertVersion(launch.run("--version"));
    assertBadOption(launch.run("disks", "--no-such-option"));

    try (Stream<Path> left = Files.list(temp.resolve("cwd"))) {
      assertThat(left).isEmpty();
    }
    try (Stream<Path> left = Files.list(home)) {
      assertThat(left).as("XDG_CACHE_HOME is used instead of ~/.cache").isEmpty();
    }
  }

  @Test
  void aCacheDirectoryOthersCanReadIsNotUsed() throws Exception {
    Path cache = Files.createDirectories(temp.resolve("cache"));
    Path cds = Files.createDirectories(cache.resolve("mgn-agent/cds"));
    Files.setPosixFilePermissions(cds, PosixFilePermissions.fromString("rwxr-xr-x"));
    Launch launch =
        new Launch(
            Path.of(System.getProperty("mgnagent.launcher")),
            Files.createDirectories(temp.resolve("home")),
            Files.createDirectories(temp.resolve("tmp")),
            Files.createDirectories(temp.resolve("cwd")),
            Map.of(
                "MGN_AGENT_JAR", System.getProperty("mgnagent.jar"),
                "XDG_CACHE_HOME", cache.toString()));

    assertVersion(launch.run("--version"));
    assertThat(files(cds)).isEmpty();
  }

  private static void assertVersion(Launch.Result result) {
    assertThat(result.stderr()).isEmpty();
    assertThat(result.stdout()).startsWith("mgn-agent ").hasLineCount(1);
    assertThat(result.exitCode()).isZero();
  }

  private static void assertBadOption(Launch.Result result) {
    assertThat(result.stderr()).isEqualTo(BAD_OPTION);
    assertThat(result.stdout()).isEmpty();
    assertThat(result.exitCode()).isEqualTo(2);
  }

  private static List<Path> files(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }
}
