package dev.mgnagent.tests.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.Backoff;
import dev.mgnagent.MgnAgentException;
import dev.mgnagent.Secret;
import dev.mgnagent.disk.DevicePaths;
import dev.mgnagent.disk.DiskInventory;
import dev.mgnagent.host.CommandRunner;
import dev.mgnagent.host.Host;
import dev.mgnagent.host.ssh.SshHost;
import dev.mgnagent.host.ssh.SshOptions;
import dev.mgnagent.host.ssh.SshTarget;
import dev.mgnagent.install.AgentInstallation;
import dev.mgnagent.install.InstallationCancelledException;
import dev.mgnagent.install.InstallationResult;
import dev.mgnagent.install.RunningInstallation;
import dev.mgnagent.installer.AgentRegistrar;
import dev.mgnagent.installer.DownloadSettings;
import dev.mgnagent.installer.DownloadStarted;
import dev.mgnagent.installer.InstallerFailedException;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.installer.InstallerLocation;
import dev.mgnagent.installer.InstallerOutput;
import dev.mgnagent.installer.InstallerStarted;
import dev.mgnagent.installer.InstallerUploadRemoved;
import dev.mgnagent.installer.InstallerUploaded;
import dev.mgnagent.installer.InstallerVerifier;
import dev.mgnagent.installer.RegistrarSettings;
import dev.mgnagent.installer.RegistrationRequest;
import dev.mgnagent.installer.VerificationResult;
import dev.mgnagent.selection.ReplicationSelection;
import dev.mgnagent.selection.SelectionRequest;
import dev.mgnagent.testkit.event.RecordingEventListener;
import dev.mgnagent.testkit.installer.FakeInstaller;
import dev.mgnagent.testkit.installer.FakeInstallerFailure;
import dev.mgnagent.testkit.sandbox.MgnSandbox;
import dev.mgnagent.testkit.ssh.EnabledIfOpenSshServer;
import dev.mgnagent.testkit.ssh.OpenSshServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A whole installation through Debian's real sshd onto this machine, against an {@link MgnSandbox}
 * whose host tree is the SSH host's remote root: the installer is downloaded here, uploaded into a
 * private directory under the host's {@code /tmp}, checked there with {@code sha512sum}, run over
 * an exec channel (the prompts answered on its stdin), and its directory removed. While it runs, no
 * process under sshd has a secret on its command line.
 */
@EnabledIfOpenSshServer
class RemoteInstallOpenSshTest {

  static final String KEY_ID = "ASIASSHCANARY0000011";
  static final String SECRET = "SshCanarySecretKey+wJalrXUtnFEMI/K7MDENGbPxR";
  static final String TOKEN = "SshCanarySessionToken//FwoGZXIvYXdzEBYaDNOTAREAL00";

  @TempDir static Path dir;
  @TempDir Path temp;

  static OpenSshServer server;
  static Path clientKey;
  static Path knownHosts;

  @BeforeAll
  static void startServer() throws Exception {
    clientKey = dir.resolve("id_ed25519");
    OpenSshServer.keygen(clientKey, "ed25519", "");
    server =
        OpenSshServer.start(
            dir.resolve("sshd"), List.of(Files.readString(dir.resolve("id_ed25519.pub")).strip()));
    knownHosts = dir.resolve("known_hosts");
    Files.writeString(knownHosts, server.knownHostsLine() + "\n");
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static SshHost connect(MgnSandbox sandbox) {
    return SshHost.connect(
        new SshTarget("127.0.0.1", server.port(), OpenSshServer.user()),
        SshOptions.builder(Map.of())
            .knownHosts(knownHosts)
            .identity(clientKey)
            .remoteRoot(sandbox.hostRoot().toString())
            .connectTimeout(Duration.ofSeconds(20))
            .build());
  }

  private static AgentInstallation.Builder installation(
      SshHost host, dev.mgnagent.event.EventListener events) {
    return AgentInstallation.builder()
        .host(host)
        .eventListener(events)
        .registrarSettings(
            RegistrarSettings.builder()
                .installerTimeout(Duration.ofSeconds(120))
                .confirmationInterval(Duration.ofMillis(100))
                .confirmationAttempts(50)
                .build())
        .downloadSettings(DownloadSettings.builder().maxAttempts(3).backoff(Backoff.NONE).build());
  }

  @Test
  void installsThroughOpenSshUploadingCheckingRunningAndRemovingTheInstaller() throws Exception {
    try (MgnSandbox sandbox =
        MgnSandbox.builder()
            .region("eu-west-3")
            .initialized(true)
            .flavors(InstallerFlavor.BINARY)
            .workDirectory(temp.resolve("sandbox"))
            .build()
            .start()) {
      sandbox
          .mgn()
          .addCredentials(AwsSessionCredentials.create(KEY_ID, SECRET, TOKEN), Set.of("*"));
      List<String> seenCommandLines = new ArrayList<>();
      RecordingEventListener recorded = new RecordingEventListener();
      dev.mgnagent.event.EventListener events =
          event -> {
            if (event instanceof InstallerStarted || event instanceof InstallerOutput) {
              seenCommandLines.addAll(commandLinesUnderSshd());
            }
            recorded.onEvent(event);
          };
      InstallationResult result;
      try (SshHost host = connect(sandbox)) {
        result =
            installation(host, events)
                .build()
                .install(
                    sandbox
                        .installRequest()
                        .accessKeyId(KEY_ID)
                        .secretAccessKey(Secret.of(SECRET))
                        .sessionToken(Secret.of(TOKEN))
                        .build());
      }

      assertThat(result.sourceServerId().value()).startsWith("s-");
      assertThat(sandbox.mgn().sourceServers()).hasSize(1);
      // uploaded under the host's /tmp, checked there with the published digest, run from there
      List<InstallerUploaded> uploads = recorded.events(InstallerUploaded.class);
      assertThat(uploads).hasSize(1);
      String remotePath = uploads.get(0).remotePath();
      assertThat(remotePath)
          .startsWith(sandbox.hostRoot().resolve("tmp").toString() + "/mgn-agent-")
          .endsWith("/aws-replication-installer-init");
      assertThat(uploads.get(0).sha512()).isEqualTo(sandbox.sha512(InstallerFlavor.BINARY));
      assertThat(recorded.events(InstallerStarted.class).get(0).commandLine().get(0))
          .isEqualTo(remotePath);
      assertThat(sandbox.installer().runs()).hasSize(1);
      // and removed afterwards
      assertThat(recorded.events(InstallerUploadRemoved.class))
          .singleElement()
          .satisfies(r -> assertThat(r.removed()).isTrue());
      assertThat(Path.of(remotePath).getParent()).doesNotExist();
      try (Stream<Path> left = Files.list(sandbox.hostRoot().resolve("tmp"))) {
        assertThat(left).isEmpty();
      }
      // the canary: processes under sshd were seen, the installer among them, none with a secret
      assertThat(seenCommandLines).anyMatch(c -> c.contains(remotePath));
      assertThat(seenCommandLines)
          .noneMatch(
              c -> c.contains(SECRET) || c.contains(TOKEN) || c.contains(SECRET.substring(0, 20)));
      assertThat(recorded.events().toString()).doesNotContain(SECRET).doesNotContain(TOKEN);
    }
  }

  @Test
  void aFleetDownloadsOnceAndGivesEachInstallationTheVerifiedInstaller() throws Exception {
    try (MgnSandbox sandbox =
        MgnSandbox.builder()
            .region("eu-west-3")
            .initialized(true)
            .flavors(InstallerFlavor.BINARY)
            .workDirectory(temp.resolve("sandbox"))
            .build()
            .start()) {
      VerificationResult verified =
          InstallerVerifier.builder()
              .location(
                  InstallerLocation.viaEndpoint(
                      sandbox.region(), sandbox.s3Endpoint(), InstallerFlavor.BINARY))
              .build()
              .download(temp.resolve("aws-replication-installer-init"));
      assertThat(verified.verified()).isTrue();
      int requestsBefore = sandbox.bucket().requests().size();
      RecordingEventListener events = new RecordingEventListener();

      try (SshHost host = connect(sandbox)) {
        installation(host, events)
            .verifiedInstaller((VerificationResult.Verified) verified)
            .build()
            .install(sandbox.installRequest().build());
      }

      assertThat(events.events(DownloadStarted.class)).isEmpty();
      assertThat(sandbox.bucket().requests()).hasSize(requestsBefore);
      assertThat(events.events(InstallerUploaded.class)).hasSize(1);
      assertThat(sandbox.mgn().sourceServers()).hasSize(1);
      assertThat(temp.resolve("aws-replication-installer-init")).exists();
    }
  }

  @Test
  void aFailingInstallerLeavesNothingOfMgnAgentOnTheHost() throws Exception {
    try (MgnSandbox sandbox = sandbox(b -> b)) {
      sandbox.installer().failWith(FakeInstallerFailure.KERNEL_HEADERS_MISSING);
      RecordingEventListener events = new RecordingEventListener();
      try (SshHost host = connect(sandbox)) {
        assertThatThrownBy(
                () -> installation(host, events).build().install(sandbox.installRequest().build()))
            .isInstanceOf(InstallerFailedException.class);
      }
      assertThat(events.events(InstallerUploaded.class)).hasSize(1);
      assertThat(events.events(InstallerUploadRemoved.class))
          .singleElement()
          .satisfies(r -> assertThat(r.removed()).isTrue());
      try (Stream<Path> left = Files.list(sandbox.hostRoot().resolve("tmp"))) {
        assertThat(left).isEmpty();
      }
    }
  }

  @Test
  void cancellingStopsTheRemoteInstallersSessionAndRemovesItsDirectory() throws Exception {
    try (MgnSandbox sandbox = sandbox(b -> b.lineBuffered(true))) {
      sandbox.installer().failWith(FakeInstallerFailure.HANG);
      CompletableFuture<Long> session = new CompletableFuture<>();
      CompletableFuture<Void> hanging = new CompletableFuture<>();
      RecordingEventListener recorded = new RecordingEventListener();
      dev.mgnagent.event.EventListener events =
          event -> {
            recorded.onEvent(event);
            if (event instanceof InstallerStarted) {
              session.complete(((InstallerStarted) event).pid());
            }
            if (event instanceof InstallerOutput
                && ((InstallerOutput) event)
                    .line()
                    .contains("All volumes for replication were successfully identified")) {
              hanging.complete(null);
            }
          };
      try (SshHost host = connect(sandbox)) {
        RunningInstallation running =
            installation(host, events).build().start(sandbox.installRequest().build());
        hanging.get(120, TimeUnit.SECONDS);
        assertThat(SshHostOpenSshTest.sessionMembers(session.get())).isNotEmpty();

        long cancelled = System.nanoTime();
        running.cancel();
        assertThatThrownBy(running::await).isInstanceOf(InstallationCancelledException.class);
        // far below the installer timeout (120 s): the cancel itself stopped it
        assertThat(Duration.ofNanos(System.nanoTime() - cancelled))
            .isLessThan(Duration.ofSeconds(60));
      }
      assertThat(SshHostOpenSshTest.sessionMembers(session.get())).isEmpty();
      assertThat(recorded.events(InstallerUploadRemoved.class))
          .singleElement()
          .satisfies(r -> assertThat(r.removed()).isTrue());
      try (Stream<Path> left = Files.list(sandbox.hostRoot().resolve("tmp"))) {
        assertThat(left).isEmpty();
      }
    }
  }

  private MgnSandbox sandbox(UnaryOperator<FakeInstaller.Builder> installer) {
    return MgnSandbox.builder()
        .region("eu-west-3")
        .initialized(true)
        .flavors(InstallerFlavor.BINARY)
        .workDirectory(temp.resolve("sandbox"))
        .configureInstaller(installer)
        .build()
        .start();
  }

  @Test
  void aHostWithoutSha512sumFailsBeforeAnythingIsUploaded() throws Exception {
    // the host's PATH leads to a directory holding only sh: sha512sum cannot be found
    Path bin = temp.resolve("bin-without-sha512sum");
    Files.createDirectories(bin);
    Files.createSymbolicLink(bin.resolve("sh"), Path.of("/bin/sh"));
    try (MgnSandbox sandbox =
            MgnSandbox.builder()
                .region("eu-west-3")
                .initialized(true)
                .flavors(InstallerFlavor.BINARY)
                .workDirectory(temp.resolve("sandbox"))
                .build()
                .start();
        SshHost ssh = connect(sandbox)) {
      VerificationResult.Verified verified =
          (VerificationResult.Verified)
              InstallerVerifier.builder()
                  .location(
                      InstallerLocation.viaEndpoint(
                          sandbox.region(), sandbox.s3Endpoint(), InstallerFlavor.BINARY))
                  .build()
                  .download(temp.resolve("aws-replication-installer-init"));
      Map<String, String> environment = new java.util.HashMap<>(ssh.environment());
      environment.put("PATH", bin.toString());
      Host host = new WithEnvironment(ssh, Map.copyOf(environment));
      RegistrationRequest request =
          RegistrationRequest.builder()
              .region(sandbox.region())
              .credentials(StaticCredentialsProvider.create(sandbox.adminCredentials()))
              .selection(
                  ReplicationSelection.of(DiskInventory.of(host).read(), DevicePaths.of(host))
                      .select(SelectionRequest.allDisks()))
              .endpoint(sandbox.mgnEndpoint())
              .build();

      assertThatThrownBy(
              () -> AgentRegistrar.builder().host(host).build().register(verified, request))
          .isInstanceOf(MgnAgentException.class)
          .hasMessageContaining("no sha512sum")
          .hasMessageContaining("nothing was uploaded");
      assertThat(sandbox.hostRoot().resolve("tmp")).doesNotExist();
      assertThat(sandbox.installer().runs()).isEmpty();
    }
  }

  /** A host as another one, with another environment (its commands get that PATH). */
  private static final class WithEnvironment implements Host {
    private final Host host;
    private final Map<String, String> environment;

    WithEnvironment(Host host, Map<String, String> environment) {
      this.host = host;
      this.environment = environment;
    }

    @Override
    public Path root() {
      return host.root();
    }

    @Override
    public Map<String, String> environment() {
      return environment;
    }

    @Override
    public CommandRunner commandRunner() {
      return host.commandRunner();
    }
  }

  /** The command lines of sshd's descendants and of every process in their sessions. */
  private static List<String> commandLinesUnderSshd() {
    List<String> lines = new ArrayList<>();
    for (ProcessHandle p : server.descendants()) {
      try {
        byte[] cmdline = Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
        lines.add(new String(cmdline, StandardCharsets.UTF_8).replace('\0', ' '));
      } catch (IOException gone) {
        // ended meanwhile
      }
    }
    return lines;
  }
}
