package dev.mgnagent.cli.install;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mgnagent.cli.CliRun;
import dev.mgnagent.cli.sandbox.SandboxServers;
import dev.mgnagent.testkit.disk.FakeBlockDevices;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * What the {@code mgn-agent install} tests share: a sandbox started here for each test (its
 * endpoints and keys passed as flags, exactly as against AWS) and a fake host with three disks. The
 * tests are split into classes so that they run in test JVMs side by side.
 */
abstract class InstallCommandFixture {
  static final long GIB = 1L << 30;

  @TempDir Path temp;

  SandboxServers sandbox;
  Path host;
  AwsBasicCredentials keys;
  final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void start() {
    host =
        FakeBlockDevices.builder()
            .scsiDisk("sda", 20 * GIB)
            .partition(1, GIB)
            .partition(2, 18 * GIB)
            .done()
            .nvmeDisk("nvme0n1", 50 * GIB)
            .alias("xvdf")
            .partition(1, 49 * GIB)
            .done()
            .scsiDisk("sdb", 30 * GIB)
            .done()
            .mount("/", "sda2", "ext4")
            .mount("/boot", "sda1", "ext4")
            .writeTo(temp.resolve("host"));
    sandbox = SandboxServers.start("eu-west-3", host);
    keys = sandbox.mgn().adminCredentials();
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  CliRun install(String... extra) {
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
                "--skip-preflight",
                "--aws-access-key-id",
                keys.accessKeyId(),
                "--aws-secret-access-key",
                keys.secretAccessKey(),
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
    args.addAll(List.of(extra));
    // plain-http endpoints outside --sandbox: the digest of the flavor that runs is pinned
    args.addAll(
        List.of(
            "--sha512",
            sandbox
                .bucket()
                .sha512(
                    args.contains("python")
                        ? dev.mgnagent.installer.InstallerFlavor.PYTHON
                        : dev.mgnagent.installer.InstallerFlavor.BINARY)));
    return CliRun.withEnvironment(Map.of("HOME", temp.toString()), args.toArray(String[]::new));
  }

  List<JsonNode> events(CliRun run) throws IOException {
    List<JsonNode> events = new ArrayList<>();
    for (String line : run.out().strip().split("\n")) {
      events.add(json.readTree(line));
    }
    return events;
  }
}
