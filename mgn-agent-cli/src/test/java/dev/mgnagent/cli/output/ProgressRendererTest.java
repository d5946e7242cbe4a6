package dev.mgnagent.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.installer.DownloadFinished;
import dev.mgnagent.installer.DownloadProgress;
import dev.mgnagent.installer.DownloadRetrying;
import dev.mgnagent.installer.DownloadStarted;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ProgressRendererTest {

  private static final URI URL =
      URI.create("http://127.0.0.1:1/b/latest/linux/aws-replication-installer-init");
  private static final OptionalLong TOTAL = OptionalLong.of(8 << 20);

  private String render(boolean terminal) {
    StringWriter text = new StringWriter();
    ProgressRenderer renderer = new ProgressRenderer(new PrintWriter(text), terminal);
    renderer.onEvent(new DownloadStarted(URL, 0, TOTAL));
    for (long mib = 1; mib <= 4; mib++) {
      renderer.onEvent(new DownloadProgress(URL, mib << 20, TOTAL));
    }
    renderer.onEvent(
        new DownloadRetrying(
            URL, 1, "the body ended at byte 4194304", 4 << 20, Duration.ofSeconds(2)));
    renderer.onEvent(new DownloadStarted(URL, 4 << 20, TOTAL));
    for (long mib = 5; mib <= 8; mib++) {
      renderer.onEvent(new DownloadProgress(URL, mib << 20, TOTAL));
    }
    renderer.onEvent(new DownloadFinished(URL, 8 << 20, 2));
    return text.toString();
  }

  @Test
  void plainOutputIsAFewWholeLines() {
    String text = render(false);

    assertThat(text).doesNotContain("\r");
    assertThat(text.lines())
        .containsExactly(
            "downloading " + URL + " (8.0 MiB)",
            "25% (2097152 bytes)",
            "50% (4194304 bytes)",
            "attempt 1 failed: the body ended at byte 4194304; retrying in 2.0 s",
            "resuming at byte 4194304",
            "75% (6291456 bytes)",
            "downloaded 8388608 bytes; verifying");
  }

  @Test
  void terminalOutputRedrawsABarInPlace() {
    String text = render(true);

    assertThat(text)
        .contains("\r[###############...............]  50% 4.0 MiB / 8.0 MiB")
        .contains("\r[##############################] 100% 8.0 MiB / 8.0 MiB")
        .contains("resuming at byte 4194304");
  }
}
