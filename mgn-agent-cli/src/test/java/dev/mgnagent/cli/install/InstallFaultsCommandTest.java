package dev.mgnagent.cli.install;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.cli.CliRun;
import dev.mgnagent.cli.sandbox.SandboxServers;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.installer.FakeInstallerFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A few cells of the core's fault matrix ({@code InstallFaultMatrixTest}) through {@code mgn-agent
 * install}: the exit code, the one-line message, and no temporary directory of mgn-agent's left
 * behind; each cell twice, with the same outcome.
 */
class InstallFaultsCommandTest {

  @TempDir Path temp;

  static Stream<Arguments> cells() {
    return Stream.of(
        Arguments.of(
            "installer bytes differ from the pinned digest",
            (Consumer<SandboxServers>)
                s ->
                    s.bucket()
                        .replaceInstaller(
                            dev.mgnagent.installer.InstallerFlavor.BINARY,
                            "#!/bin/sh\necho tampered\n"
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            1,
            "does not match its published SHA-512"),
        Arguments.of(
            "bucket forbids the download",
            (Consumer<SandboxServers>) s -> s.bucket().forbid(),
            1,
            "403"),
        Arguments.of(
            "installer crashes mid-way",
            (Consumer<SandboxServers>) s -> s.installer().failWith(FakeInstallerFailure.CRASH),
            1,
            "/var/lib/aws-replication-agent/aws_replication_agent_installer.log"),
        Arguments.of(
            "MGN 500s on every attempt",
            (Consumer<SandboxServers>)
                s -> s.mgn().failNext("DescribeSourceServers", 50, 500, "InternalServerException"),
            1,
            "InternalServerException"),
        Arguments.of(
            "MGN throttles twice",
            (Consumer<SandboxServers>) s -> s.mgn().throttleNext("DescribeSourceServers", 2, 1),
            0,
            "mgn-agent: installed; source server s-"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cells")
  void exitsTheSameWayTwiceAndLeavesNoTemporaryDirectory(
      String name, Consumer<SandboxServers> fault, int exitCode, String message) throws Exception {
    for (int round = 0; round < 2; round++) {
      Set<String> before = temporaryEntries();
      Path host =
          FakeBlockDeviceScenarios.virtioWithSeparateBoot().writeTo(temp.resolve("host-" + round));
      try (SandboxServers sandbox = SandboxServers.start("eu-west-3", host)) {
        // pinned before the fault: a plain-http endpoint outside --sandbox needs it
        String pinned = sandbox.bucket().sha512(dev.mgnagent.installer.InstallerFlavor.BINARY);
        fault.accept(sandbox);
        List<String> args =
            new ArrayList<>(
                List.of(
                    "install",
                    "--region",
                    "eu-west-3",
                    "--endpoint",
                    sandbox.mgn().endpoint().toString(),
                    "--s3-endpoint",
                    sandbox.bucket().endpoint().toString(),
                    "--sha512",
                    pinned,
                    "--skip-preflight",
                    "--aws-access-key-id",
                    sandbox.mgn().adminCredentials().accessKeyId(),
                    "--aws-secret-access-key",
                    sandbox.mgn().adminCredentials().secretAccessKey(),
                    "--iam-endpoint",
                    sandbox.iam().endpoint().toString(),
                    "--sts-endpoint",
                    sandbox.sts().endpoint().toString(),
                    "--ec2-endpoint",
                    sandbox.ec2().endpoint().toString(),
                    "--initialize-service",
                    "--no-prompt",
                    "--host-root",
                    host.toString()));

        CliRun run =
            CliRun.withEnvironment(Map.of("HOME", temp.toString()), args.toArray(String[]::new));

        assertThat(run.exitCode())
            .as(name + ", round " + round + ": " + run.err())
            .isEqualTo(exitCode);
        assertThat(exitCode == 0 ? run.out() : run.err()).as(name).contains(message);
        assertThat(run.out() + run.err())
            .doesNotContain(sandbox.mgn().adminCredentials().secretAccessKey());
        Set<String> left = temporaryEntries();
        left.removeAll(before);
        assertThat(left).as(name + ": mgn-agent's temporary directories left").isEmpty();
      }
    }
  }

  private static Set<String> temporaryEntries() throws IOException {
    try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return entries
          .map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("mgn-agent-installer-"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }
}
