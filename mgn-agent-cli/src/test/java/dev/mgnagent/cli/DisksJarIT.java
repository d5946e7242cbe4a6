package dev.mgnagent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.testkit.junit.EnabledIfLinuxSysfs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the shaded jar as users do. {@code disks} must start light: it may not load the AWS SDK,
 * OSHI/JNA or Jackson, even as heavier commands join the jar.
 */
class DisksJarIT {

  private static final List<String> FORBIDDEN_PREFIXES =
      List.of("software.amazon.awssdk", "oshi.", "com.sun.jna", "com.fasterxml");

  @Test
  @EnabledIfLinuxSysfs
  void disksJsonLoadsNoHeavyLibraries() throws Exception {
    Result result = runJar("-Xlog:class+load=info", "disks", "--json");

    List<String> loaded = new ArrayList<>();
    for (String line : result.stdout().split("\n")) {
      if (line.contains("[class,load]")) {
        loaded.add(line);
      }
    }
    assertThat(loaded).as("class-load log lines").hasSizeGreaterThan(100);
    assertThat(loaded).anyMatch(l -> l.contains("dev.mgnagent.cli.disks.DisksCommand "));
    for (String prefix : FORBIDDEN_PREFIXES) {
      assertThat(loaded).noneMatch(l -> l.contains("] " + prefix));
    }
  }

  @Test
  @EnabledIfLinuxSysfs
  void jarPrintsOneJsonDocument() throws Exception {
    Result result = runJar("disks", "--json");

    assertThat(result.stdout().strip()).startsWith("{\"disks\":[").endsWith("}");
    assertThat(result.stdout().strip().lines()).hasSize(1);
  }

  private record Result(int exitCode, String stdout) {}

  private static Result runJar(String... args) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("mgnagent.jar", "target/mgn-agent.jar"));
    assertThat(jar).exists();
    List<String> command = new ArrayList<>();
    command.add(ChildJvm.java());
    if (args[0].startsWith("-X")) {
      command.add(args[0]);
      command.add("-jar");
      command.add(jar.toString());
      command.addAll(List.of(args).subList(1, args.length));
    } else {
      command.add("-jar");
      command.add(jar.toString());
      command.addAll(List.of(args));
    }
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), stdout);
  }
}
