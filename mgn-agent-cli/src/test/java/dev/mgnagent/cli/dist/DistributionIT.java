package dev.mgnagent.cli.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive as an operator gets it: unpacked into an empty directory, started
 * through its launcher with nothing but Java on {@code PATH}, from another empty directory. One JVM
 * for {@code --version}, one for a whole installation against the built-in sandbox.
 */
class DistributionIT {

  private static final Pattern BUNDLED_POM =
      Pattern.compile("META-INF/maven/([^/]+)/([^/]+)/pom\\.properties");

  @TempDir Path temp;

  @Test
  void unpackedArchiveRunsVersionAndASandboxInstall() throws Exception {
    Path archive = Path.of(System.getProperty("mgnagent.dist"));
    String version = archive.getFileName().toString().replaceAll("^mgn-agent-|\\.tar\\.gz$", "");
    Path unpacked = Files.createDirectories(temp.resolve("unpacked"));
    Process tar =
        new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", unpacked.toString())
            .inheritIO()
            .start();
    assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(tar.exitValue()).isZero();

    Path root = unpacked.resolve("mgn-agent-" + version);
    assertThat(unpacked).isDirectoryContaining(p -> p.equals(root));
    try (var top = Files.list(root)) {
      assertThat(top.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("bin", "lib", "licenses", "sbom", "LICENSE", "NOTICE");
    }
    assertThat(Files.getPosixFilePermissions(root.resolve("bin/mgn-agent")))
        .isEqualTo(PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(root.resolve("licenses/slf4j-api-2.0.17-jar/META-INF/LICENSE.txt")).isNotEmptyFile();

    Path home = Files.createDirectories(temp.resolve("home"));
    Path tmp = Files.createDirectories(temp.resolve("tmp"));
    Path cwd = Files.createDirectories(temp.resolve("cwd"));
    Launch launch = new Launch(root.resolve("bin/mgn-agent"), home, tmp, cwd, Map.of());

    Launch.Result versionRun = launch.run("--version");
    assertThat(versionRun.stderr()).isEmpty();
    assertThat(versionRun.stdout()).isEqualTo("mgn-agent " + version + "\n");
    assertThat(versionRun.exitCode()).isZero();

    Launch.Result install = launch.run("install", "--sandbox", "--no-prompt", "--no-watch");
    assertThat(install.exitCode()).as(install.stderr()).isZero();
    assertThat(install.stdout()).containsPattern("installed; source server s-[0-9a-f]{17}");

    // the class-data archive went to the per-user cache, 0700; nothing to the current directory
    Path cds = home.resolve(".cache/mgn-agent/cds");
    assertThat(Files.getPosixFilePermissions(cds))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    try (var archives = Files.list(cds)) {
      assertThat(archives.map(p -> p.getFileName().toString()))
          .isNotEmpty()
          .allMatch(name -> name.startsWith("mgn-agent-"));
    }
    try (var left = Files.list(cwd)) {
      assertThat(left).isEmpty();
    }
    try (var left = Files.list(tmp)) {
      assertThat(left).as("temporary files left").isEmpty();
    }
  }

  @Test
  void sbomListsEveryLibraryInTheShadedJar() throws Exception {
    Path archive = Path.of(System.getProperty("mgnagent.dist"));
    Path sbomFile = archive.resolveSibling("mgn-agent-sbom.json");
    JsonNode sbom = new ObjectMapper().readTree(sbomFile.toFile());
    Set<String> listed = new TreeSet<>();
    for (JsonNode component : sbom.path("components")) {
      listed.add(component.path("group").asText() + ":" + component.path("name").asText());
      assertThat(component.path("licenses").size())
          .as("licences of %s", component.path("name").asText())
          .isPositive();
    }

    Set<String> bundled = new TreeSet<>();
    try (JarFile jar = new JarFile(System.getProperty("mgnagent.jar"))) {
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        Matcher m = BUNDLED_POM.matcher(entries.nextElement().getName());
        if (m.matches()) {
          bundled.add(m.group(1) + ":" + m.group(2));
        }
      }
    }
    bundled.remove("dev.mgnagent:mgn-agent-cli"); // the SBOM's subject, in its metadata
    assertThat(bundled).as("libraries in the shaded jar").hasSizeGreaterThan(30);
    assertThat(listed).containsAll(bundled);
    assertThat(sbom.path("metadata").path("component").path("name").asText())
        .isEqualTo("mgn-agent-cli");
  }
}
