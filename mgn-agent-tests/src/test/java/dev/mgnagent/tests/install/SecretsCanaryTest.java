package dev.mgnagent.tests.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.Secret;
import dev.mgnagent.credentials.CredentialsResolver;
import dev.mgnagent.credentials.ResolvedCredentials;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.install.InstallationResult;
import dev.mgnagent.installer.InstallerFailedException;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.installer.RegistrationRequest;
import dev.mgnagent.mgn.MgnClients;
import dev.mgnagent.mgn.MgnServiceException;
import dev.mgnagent.mgn.ReplicationStatusReader;
import dev.mgnagent.selection.SelectionRequest;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.installer.FakeInstallerFailure;
import dev.mgnagent.testkit.installer.FakeInstallerRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mgn.MgnClient;

/**
 * A canary secret key and session token (temporary ASIA keys) through whole installations through
 * the core API: neither appears in events, results, exception messages, the fake MGN's recorded
 * requests, the installer's argv or any file mgn-agent or the fakes wrote, and every object that
 * holds them prints {@code ****}.
 */
class SecretsCanaryTest {

  static final String KEY_ID = "ASIACANARY0000000011";
  static final String OTHER_KEY_ID = "ASIACANARY0000000022";
  static final String SECRET = "CanarySecretKey+wJalrXUtnFEMI/K7MDENGbPxRfiCY";
  static final String TOKEN = "CanarySessionToken//FwoGZXIvYXdzEBYaDNOTAREALTOKEN0000";

  @TempDir Path temp;

  private InstallFixture fixture;

  @BeforeEach
  void start() throws Exception {
    fixture =
        new InstallFixture(
            temp, FakeBlockDeviceScenarios.virtioWithSeparateBoot(), InstallerFlavor.BINARY);
    fixture.mgn.addCredentials(AwsSessionCredentials.create(KEY_ID, SECRET, TOKEN), Set.of("*"));
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private InstallRequest.Builder request() {
    return InstallRequest.builder()
        .region(Region.EU_WEST_3)
        .accessKeyId(KEY_ID)
        .secretAccessKey(Secret.of(SECRET))
        .sessionToken(Secret.of(TOKEN))
        .endpoint(fixture.mgn.endpoint())
        .s3Endpoint(fixture.bucket.endpoint())
        .sandbox(true)
        .noPrompt(true);
  }

  @Test
  void aWholeInstallationWithTemporaryKeysLeaksNeitherTheSecretNorTheToken() throws Exception {
    InstallationResult result =
        InstallFaultMatrixTest.installation(fixture, Optional.empty()).install(request().build());

    assertThat(result.sourceServerId().value()).startsWith("s-");
    assertThat(fixture.mgn.requests())
        .as("the canary keys were used")
        .anyMatch(r -> KEY_ID.equals(r.accessKeyId()));
    assertNoCanary("the result", result.toString());
    assertEverywhereClean();
  }

  @Test
  void anInstallerThatEchoesTheSecretInAnErrorLineIsMaskedEverywhere() throws Exception {
    fixture.installer.failWith(FakeInstallerFailure.ECHO_SECRET);

    assertThatThrownBy(
            () ->
                InstallFaultMatrixTest.installation(fixture, Optional.empty())
                    .install(request().build()))
        .isInstanceOfSatisfying(
            InstallerFailedException.class,
            e -> {
              assertNoCanary("the message", e.getMessage());
              assertNoCanary("the last lines", String.join("\n", e.lastLines()));
              assertNoCanary("the exception", e.toString());
              assertThat(String.join("\n", e.lastLines())).contains("****");
            });
    assertEverywhereClean();
  }

  @Test
  void everyObjectHoldingTheCredentialsPrintsStars() {
    InstallRequest request = request().build();
    ResolvedCredentials resolved =
        CredentialsResolver.builder()
            .environment(Map.of())
            .accessKeyId(KEY_ID)
            .secretAccessKey(Secret.of(SECRET))
            .sessionToken(Secret.of(TOKEN))
            .build()
            .resolve();
    RegistrationRequest registration =
        fixture
            .request(
                AwsSessionCredentials.create(KEY_ID, SECRET, TOKEN),
                fixture.select(SelectionRequest.allDisks()))
            .build();

    assertThat(Secret.of(SECRET)).hasToString("****");
    assertThat(request.toString()).contains("****");
    assertNoCanary("InstallRequest", request.toString());
    assertNoCanary("ResolvedCredentials", resolved.toString());
    assertNoCanary("its provider", resolved.provider().toString());
    assertNoCanary("RegistrationRequest", registration.toString());
    assertNoCanary(
        "the dry run",
        String.join(
            " ", InstallFaultMatrixTest.installation(fixture, Optional.empty()).dryRun(request)));
  }

  @Test
  void onlyTheDocumentedForceVolumesOptInPutsTheSecretOnTheInstallersCommandLine()
      throws Exception {
    InstallFaultMatrixTest.installation(fixture, Optional.empty())
        .install(
            request()
                .devices("/dev/vda,/dev/vdb")
                .forceVolumes(true)
                .allowSecretOnCommandLine(true)
                .build());

    List<FakeInstallerRun> runs = fixture.installer.runs();
    assertThat(runs).hasSize(1);
    // the fake registered with the secret it was given (the install succeeded), but its run log,
    // a file in the sandbox, shows the opt-in only masked
    assertThat(runs.get(0).argv())
        .contains("--force-volumes")
        .containsSubsequence("--aws-secret-access-key", "****");
    assertNoCanary("the installer's run log", runs.get(0).argv().toString());
    assertNoCanary("every file mgn-agent and the sandbox wrote", filesUnder(temp));
    assertNoCanary("the events", fixture.events.events().toString());
  }

  @Test
  void aBadSignatureWithSessionCredentialsQuotesTheTokenButCoreShowsItNowhere() throws Exception {
    // MGN knows the key ID with another secret: the signature does not match, and the answer
    // quotes the canonical request, whose signed x-amz-security-token header is the token
    fixture.mgn.addCredentials(
        AwsSessionCredentials.create(
            OTHER_KEY_ID, "AnotherSecretKeyNotTheCanary0000000000000", TOKEN),
        Set.of("*"));
    AwsSessionCredentials signing = AwsSessionCredentials.create(OTHER_KEY_ID, SECRET, TOKEN);
    try (MgnClient bare = fixture.mgn.newClient(StaticCredentialsProvider.create(signing))) {
      assertThatThrownBy(() -> bare.describeSourceServers(r -> r.maxResults(10)))
          .as("the fake quotes the token as AWS does (otherwise this test proves nothing)")
          .hasMessageContaining(TOKEN)
          .hasMessageContaining("x-amz-security-token");
    }

    try (MgnClient client =
        MgnClients.create(
            Region.EU_WEST_3, StaticCredentialsProvider.create(signing), fixture.mgn.endpoint())) {
      assertThatThrownBy(() -> ReplicationStatusReader.of(client).read(List.of()))
          .isInstanceOfSatisfying(
              MgnServiceException.class,
              e -> {
                assertThat(e.errorCode()).contains("InvalidSignatureException");
                assertThat(e.getMessage()).contains("signature");
                assertNoCanary("the exception with its causes", stackTrace(e));
              });
    }

    assertThatThrownBy(
            () ->
                InstallFaultMatrixTest.installation(fixture, Optional.empty())
                    .install(request().accessKeyId(OTHER_KEY_ID).build()))
        .satisfies(
            e -> {
              assertThat(e.getMessage()).contains("InvalidSignatureException");
              assertNoCanary("the installation's exception with its causes", stackTrace(e));
            });
    assertNoCanary("the events", fixture.events.events().toString());
    assertNoCanary("the recorded requests", fixture.mgn.requests().toString());
    assertThat(InstallFaultMatrixTest.filesContaining(temp, TOKEN)).isEmpty();
  }

  private static String stackTrace(Throwable e) {
    java.io.StringWriter out = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(out));
    return out.toString();
  }

  private void assertEverywhereClean() throws Exception {
    assertNoCanary("the events", fixture.events.events().toString());
    assertNoCanary("the recorded requests", fixture.mgn.requests().toString());
    assertNoCanary("the bucket's recorded requests", fixture.bucket.requests().toString());
    List<String> argv = new ArrayList<>();
    fixture.installer.runs().forEach(r -> argv.addAll(r.argv()));
    assertThat(fixture.installer.runs()).isNotEmpty();
    assertNoCanary("the installer's argv", String.join(" ", argv));
    // the run log masks secret values, so the flags themselves must be absent
    assertThat(argv).doesNotContain("--aws-secret-access-key", "--aws-session-token", "****");
    assertThat(InstallFaultMatrixTest.filesContaining(temp, SECRET)).isEmpty();
    assertThat(InstallFaultMatrixTest.filesContaining(temp, TOKEN)).isEmpty();
    assertThat(Files.exists(temp)).isTrue();
  }

  /** The content of every regular file under {@code dir}, read as ISO-8859-1 (any byte kept). */
  static String filesUnder(Path dir) throws java.io.IOException {
    StringBuilder all = new StringBuilder();
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dir)) {
      for (Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
        try {
          all.append(f)
              .append('\n')
              .append(
                  new String(
                      java.nio.file.Files.readAllBytes(f),
                      java.nio.charset.StandardCharsets.ISO_8859_1));
        } catch (java.io.IOException gone) {
          // removed while walking (a temporary file): nothing left to leak
        }
      }
    }
    return all.toString();
  }

  static void assertNoCanary(String where, String text) {
    assertThat(text)
        .as(where)
        .doesNotContain(SECRET)
        .doesNotContain(TOKEN)
        .doesNotContain(SECRET.substring(0, 20))
        .doesNotContain(TOKEN.substring(0, 24));
  }
}
