package dev.mgnagent.installer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mgnagent.event.MgnAgentEvent;
import dev.mgnagent.installer.InstallerOutput;
import dev.mgnagent.installer.InstallerPromptAnswered;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The conversation with prompts on stdout, on stderr, interleaved, block-buffered (bursts, cut
 * anywhere) and unknown, on a clock that moves only when the test moves it.
 */
class InstallerConversationTest {

  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  private static final String TOKEN = "IQoJb3JpZ2luX2VjEXAMPLETOKEN";

  private final ManualClock clock = new ManualClock();
  private final List<MgnAgentEvent> events = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream answers = new ByteArrayOutputStream();
  private final AtomicInteger kills = new AtomicInteger();
  private final PipedOutputStream stdout = new PipedOutputStream();
  private final PipedOutputStream stderr = new PipedOutputStream();
  private InstallerConversation conversation;
  private Thread outReader;
  private Thread errReader;

  private void start() throws IOException {
    List<InstallerConversation.Prompt> prompts =
        List.of(
            InstallerConversation.Prompt.endingWith("AWS Region Name:", "eu-west-3", false),
            InstallerConversation.Prompt.endingWith("AWS Access Key ID:", "ASIAEXAMPLE", false),
            InstallerConversation.Prompt.endingWith("AWS Secret Access Key:", SECRET, true),
            new InstallerConversation.Prompt(
                "AWS Session Token:", t -> t.endsWith("Token:"), TOKEN, true),
            InstallerConversation.Prompt.endingWith(
                "To replicate all disks, press Enter:", "/dev/xvda", false));
    OutputStream stdin =
        new OutputStream() {
          @Override
          public void write(int b) {
            synchronized (answers) {
              answers.write(b);
            }
          }
        };
    conversation =
        new InstallerConversation(
            prompts,
            stdin,
            new SecretMask(List.of(SECRET, TOKEN)),
            events::add,
            kills::incrementAndGet,
            clock,
            Duration.ofSeconds(60));
    outReader = conversation.readStdout(new PipedInputStream(stdout, 64 * 1024));
    errReader = conversation.readStderr(new PipedInputStream(stderr, 64 * 1024));
  }

  @AfterEach
  void closePipes() throws Exception {
    stdout.close();
    stderr.close();
    if (outReader != null) {
      outReader.join(TimeUnit.SECONDS.toMillis(10));
      errReader.join(TimeUnit.SECONDS.toMillis(10));
    }
  }

  private long written;

  private void print(OutputStream stream, String text) throws IOException {
    stream.write(text.getBytes(StandardCharsets.UTF_8));
    stream.flush();
    written += text.length();
  }

  /** Both readers have handled everything written so far. */
  private boolean readersIdle() {
    return conversation.charsRead() == written;
  }

  private String answers() {
    synchronized (answers) {
      return answers.toString(StandardCharsets.UTF_8);
    }
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }

  private void awaitAnswers(String expected) {
    await(() -> answers().equals(expected));
  }

  private List<String> answeredPrompts() {
    return events.stream()
        .filter(InstallerPromptAnswered.class::isInstance)
        .map(e -> ((InstallerPromptAnswered) e).prompt())
        .toList();
  }

  @Test
  void promptsOnStdoutAreAnsweredOnce() throws Exception {
    start();
    print(stdout, "The installation of the AWS Replication Agent has started.\nAWS Region Name: ");
    awaitAnswers("eu-west-3\n");
    print(stdout, "AWS Access Key ID: ");
    awaitAnswers("eu-west-3\nASIAEXAMPLE\n");

    assertThat(answeredPrompts()).containsExactly("AWS Region Name:", "AWS Access Key ID:");
    assertThat(kills).hasValue(0);
  }

  @Test
  void getpassPromptsOnStderrAreAnsweredAndMasked() throws Exception {
    start();
    print(
        stderr,
        "/usr/lib/python3.11/getpass.py:91: GetPassWarning: Can not control echo on the"
            + " terminal.\n  passwd = fallback_getpass(prompt, stream)\nWarning: Password input may be"
            + " echoed.\nAWS Secret Access Key: ");
    awaitAnswers(SECRET + "\n");
    print(stderr, "AWS Session Token: ");
    awaitAnswers(SECRET + "\n" + TOKEN + "\n");

    assertThat(answeredPrompts()).containsExactly("AWS Secret Access Key:", "AWS Session Token:");
    assertThat(conversation.lines())
        .contains("AWS Secret Access Key: ****")
        .noneMatch(l -> l.contains(SECRET) || l.contains(TOKEN));
    assertThat(events)
        .filteredOn(InstallerOutput.class::isInstance)
        .extracting(e -> ((InstallerOutput) e).stderr())
        .containsOnly(true);
  }

  @Test
  void interleavedStreamsKeepTheirOwnPartialLines() throws Exception {
    start();
    // stdout has half a line waiting when the secret prompt comes on stderr
    print(stdout, "Identifying vol");
    print(stderr, "Warning: Password input may be echoed.\nAWS Secret Access Key: ");
    awaitAnswers(SECRET + "\n");
    print(stdout, "umes for replication.\nAWS Region Name: ");
    awaitAnswers(SECRET + "\neu-west-3\n");
    print(stderr, "AWS Secret Access Key: ");
    await(() -> kills.get() == 1);

    assertThat(conversation.lines()).contains("Identifying volumes for replication.");
    assertThat(conversation.refusedPrompt()).isEqualTo("AWS Secret Access Key:");
  }

  @Test
  void blockBufferedBurstWithAPromptCutInTwo() throws Exception {
    start();
    // a pipe-buffered installer: many lines at once, and a flush that splits the prompt
    print(
        stdout,
        "The installation of the AWS Replication Agent has started.\n"
            + "Identifying volumes for replication.\n"
            + "Choose the disks you want to replicate. Your disks are: /dev/xvda,/dev/nvme0n1\n"
            + "To replicate some of the disks, type the path of the disks, separated with a comma"
            + " (for example, /dev/sda,/dev/sdb). To replicate all d");
    print(stdout, "isks, press Enter: ");
    awaitAnswers("/dev/xvda\n");

    assertThat(conversation.lines())
        .contains("Choose the disks you want to replicate. Your disks are: /dev/xvda,/dev/nvme0n1");
    assertThat(answeredPrompts()).containsExactly("To replicate all disks, press Enter:");
  }

  @Test
  void sessionTokenPromptIsMatchedLoosely() throws Exception {
    start();
    print(stderr, "Session Token: ");
    awaitAnswers(TOKEN + "\n");

    assertThat(answeredPrompts()).containsExactly("AWS Session Token:");
  }

  @Test
  void unknownPromptIsReportedAfterTheWaitWithSecretsMasked() throws Exception {
    start();
    print(stdout, "Enter the proxy for " + SECRET + " [none]: ");
    await(this::readersIdle);
    assertThat(conversation.lines()).isEmpty();
    clock.advance(Duration.ofSeconds(59));
    assertThat(conversation.unknownPrompt()).isEmpty();

    clock.advance(Duration.ofSeconds(1));

    assertThat(conversation.unknownPrompt()).contains("Enter the proxy for **** [none]:");
  }

  @Test
  void unknownPromptOnStderrToo() throws Exception {
    start();
    print(stderr, "Continue anyway? ");
    await(this::readersIdle);
    clock.advance(Duration.ofMinutes(2));

    assertThat(conversation.unknownPrompt()).contains("Continue anyway?");
  }

  @Test
  void outputAfterAQuestionLikeTextRestartsTheWait() throws Exception {
    start();
    print(stdout, "Step 1 of 3:");
    await(this::readersIdle);
    clock.advance(Duration.ofSeconds(50));
    print(stdout, " done\n");
    await(() -> conversation.lines().contains("Step 1 of 3: done"));
    clock.advance(Duration.ofMinutes(10));

    assertThat(conversation.unknownPrompt()).isEmpty();
  }

  @Test
  void blockCutMidLineThenTenMinutesOfSilenceIsNotAPrompt() throws Exception {
    start();
    StringBuilder block = new StringBuilder();
    while (block.length() < 8 * 1024 - 100) {
      block.append("make[2]: Entering directory '/tmp/aws-replication-driver/src'\n");
    }
    // the 8 KiB flush ends in the middle of a line that does not end like a question
    block.append("  CC [M]  /tmp/aws-replication-driver/src/blk_trac");
    print(stdout, block.toString());
    await(this::readersIdle);
    clock.advance(Duration.ofMinutes(10));

    assertThat(conversation.unknownPrompt()).isEmpty();
    assertThat(kills).hasValue(0);

    print(stdout, "k.o\nFinished.\nAWS Region Name: ");
    awaitAnswers("eu-west-3\n");
    assertThat(conversation.lines())
        .contains("  CC [M]  /tmp/aws-replication-driver/src/blk_track.o");
  }

  @Test
  void partialLineIsKeptWhenTheStreamEnds() throws Exception {
    start();
    print(stdout, "Installing the AWS Replication Agent onto the source serv");
    stdout.close();
    outReader.join(TimeUnit.SECONDS.toMillis(10));

    assertThat(conversation.lines())
        .containsExactly("Installing the AWS Replication Agent onto the source serv");
  }

  /** A clock that moves only when the test moves it. */
  private static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2026-12-01T10:00:00Z");

    synchronized void advance(Duration step) {
      now = now.plus(step);
    }

    @Override
    public synchronized Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
