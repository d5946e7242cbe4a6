package dev.mgnagent.cli.installer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.cli.CliRun;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.testkit.installer.FakeInstallerBucket;
import dev.mgnagent.testkit.junit.StartStop;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify-installer} reads {@code https_proxy} once: an {@code https://} scheme is one note
 * line (the proxy is an HTTP CONNECT proxy), a malformed value is exit 2 naming the variable. The
 * plain-http loopback bucket is reached directly either way.
 */
class VerifyInstallerProxyTest {

  @TempDir Path dir;

  @StartStop
  final FakeInstallerBucket bucket = FakeInstallerBucket.builder().binarySize(10_000).build();

  private CliRun run(String proxy) {
    return CliRun.withEnvironment(
        Map.of("https_proxy", proxy),
        "verify-installer",
        "--region",
        "us-east-1",
        "--s3-endpoint",
        bucket.endpoint().toString(),
        "--sha512",
        bucket.sha512(InstallerFlavor.BINARY),
        "--output",
        dir.resolve("installer").toString());
  }

  @Test
  void anHttpsSchemeIsNotedOnce() {
    CliRun run = run("https://127.0.0.1:9/");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err().lines().filter(l -> l.contains("HTTP CONNECT proxy"))).hasSize(1);
    assertThat(run.err()).contains("mgn-agent: note: https_proxy 'https://127.0.0.1:9/'");
  }

  @Test
  void aMalformedProxyIsExitTwoNamingTheVariable() {
    CliRun run = run("socks5://proxy.internal:1080");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "mgn-agent: https_proxy 'socks5://proxy.internal:1080': only http:// (or https://, read"
                + " as http://) proxies are supported\n");
    assertThat(run.err().lines()).hasSize(1);
  }
}
