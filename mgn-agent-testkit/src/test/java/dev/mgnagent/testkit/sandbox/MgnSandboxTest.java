package dev.mgnagent.testkit.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.mgn.ServiceRoleInitializer;
import dev.mgnagent.testkit.disk.FakeBlockDeviceScenarios;
import dev.mgnagent.testkit.mgn.FakeMgn;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.ValidationException;

/** MgnSandbox: the fakes wired together, and every one of them closed, whatever fails. */
class MgnSandboxTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path temp;

  private static HttpResponse<byte[]> get(URI uri) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String sha512(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
  }

  @Test
  void servesTheFakeInstallerWiredToItsMgnWithItsDigests() throws Exception {
    try (MgnSandbox sandbox =
        MgnSandbox.builder().region("eu-west-3").workDirectory(temp).build().start()) {
      assertThat(sandbox.region()).isEqualTo(Region.EU_WEST_3);
      assertThat(sandbox.flavors()).containsExactlyInAnyOrder(InstallerFlavor.values());
      assertThat(sandbox.mgnEndpoint().getHost()).isEqualTo("127.0.0.1");
      assertThat(sandbox.s3Endpoint().getHost()).isEqualTo("127.0.0.1");
      for (InstallerFlavor flavor : InstallerFlavor.values()) {
        HttpResponse<byte[]> installer = get(sandbox.bucket().installerUrl(flavor));
        HttpResponse<byte[]> digest =
            get(URI.create(sandbox.s3Endpoint() + sandbox.bucket().digestPath(flavor)));

        assertThat(installer.statusCode()).isEqualTo(200);
        assertThat(installer.body()).isEqualTo(sandbox.installer().launcher(flavor));
        assertThat(sha512(installer.body())).isEqualTo(sandbox.sha512(flavor));
        assertThat(new String(digest.body(), StandardCharsets.US_ASCII).strip())
            .isEqualTo(sandbox.sha512(flavor));
      }
      assertThat(sandbox.installer().installRoot()).startsWith(temp);
      assertThat(sandbox.hostRoot()).isEqualTo(temp.resolve("host"));
      assertThat(sandbox.hostRoot().resolve("sys/block/vda")).exists();
      assertThat(sandbox.downloadDirectory()).isEmptyDirectory();
      assertThat(sandbox.mgn().isInitialized()).isFalse();
      // the MGN is linked to the sandbox's IAM: as on AWS, InitializeService needs the roles
      try (MgnClient client = sandbox.mgn().newClient()) {
        assertThatThrownBy(() -> client.initializeService(r -> {}))
            .isInstanceOf(ValidationException.class)
            .hasMessageContaining("Failed to create SLR or instance profiles");
      }
      try (ServiceRoleInitializer initializer =
          ServiceRoleInitializer.builder()
              .region(Region.EU_WEST_3)
              .credentialsProvider(StaticCredentialsProvider.create(sandbox.adminCredentials()))
              .endpoint(sandbox.mgnEndpoint())
              .iamEndpoint(sandbox.iam().endpoint())
              .stsEndpoint(sandbox.sts().endpoint())
              .ec2Endpoint(sandbox.ec2().endpoint())
              .build()) {
        assertThat(initializer.initialize().complete()).isTrue();
      }
      assertThat(sandbox.mgn().isInitialized()).isTrue();
    }
  }

  @Test
  void publishesOnlyTheFlavorsAskedFor() throws Exception {
    try (MgnSandbox sandbox =
        MgnSandbox.builder().flavors(InstallerFlavor.BINARY).initialized(true).build().start()) {
      assertThat(get(sandbox.bucket().installerUrl(InstallerFlavor.BINARY)).statusCode())
          .isEqualTo(200);
      assertThat(get(sandbox.bucket().installerUrl(InstallerFlavor.PYTHON)).statusCode())
          .isEqualTo(404);
      assertThatThrownBy(() -> sandbox.sha512(InstallerFlavor.PYTHON))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(sandbox.mgn().isInitialized()).isTrue();
    }
  }

  @Test
  void closeStopsEveryFakeAndDeletesItsTemporaryWorkDirectoryButNotAGivenHost() throws Exception {
    Path host = FakeBlockDeviceScenarios.nitroNvme().writeTo(temp.resolve("host"));
    MgnSandbox sandbox = MgnSandbox.builder().hostRoot(host).build().start();
    Path work = sandbox.workDirectory();
    Files.writeString(work.resolve("installation").resolve("marker"), "x");
    URI s3 = sandbox.s3Endpoint();

    sandbox.close();
    sandbox.close();

    assertThat(sandbox.isStarted()).isFalse();
    assertThat(sandbox.mgn().isStarted()).isFalse();
    assertThat(sandbox.bucket().isStarted()).isFalse();
    assertThat(work).doesNotExist();
    assertThat(host.resolve("sys/block/nvme0n1")).exists();
    assertThatThrownBy(() -> get(s3)).isInstanceOf(java.io.IOException.class);
  }

  @Test
  void aGivenWorkDirectoryIsLeft() {
    Path work = temp.resolve("work");
    try (MgnSandbox sandbox = MgnSandbox.builder().workDirectory(work).build().start()) {
      assertThat(sandbox.workDirectory()).isEqualTo(work);
    }

    assertThat(work.resolve("host")).isDirectory();
  }

  @Test
  void whenTheBucketCannotStartTheMgnIsClosedAndTheWorkDirectoryDeleted() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      MgnSandbox sandbox = MgnSandbox.builder().s3Port(taken.getLocalPort()).build();

      assertThatThrownBy(sandbox::start)
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort());

      assertThat(sandbox.mgn().isStarted()).isFalse();
      assertThat(sandbox.workDirectory()).doesNotExist();
      assertThat(sandbox.isStarted()).isFalse();
      assertThatThrownBy(sandbox::bucket)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("this MgnSandbox failed to start before the bucket");
      assertThatThrownBy(sandbox::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("starts once");
    }
  }

  @Test
  void whenTheHostCannotBeWrittenTheStartedMgnIsClosed() throws Exception {
    Path work = Files.createDirectories(temp.resolve("work"));
    Files.writeString(work.resolve("host"), "a file where the host tree goes");
    MgnSandbox sandbox = MgnSandbox.builder().workDirectory(work).build();

    assertThatThrownBy(sandbox::start)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a directory");

    assertThat(sandbox.mgn().isStarted()).isFalse();
    assertThat(work.resolve("host")).isRegularFile();
    assertThatThrownBy(sandbox::installer).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void whenTheMgnCannotStartNothingIsLeft() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      MgnSandbox sandbox = MgnSandbox.builder().mgnPort(taken.getLocalPort()).build();

      assertThatThrownBy(sandbox::start).isInstanceOf(UncheckedIOException.class);

      assertThat(sandbox.workDirectory()).doesNotExist();
      assertThatThrownBy(sandbox::hostRoot).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aSharedMgnServesSeveralHostsAndIsLeftRunning() throws Exception {
    try (FakeMgn mgn = FakeMgn.builder().region("eu-west-3").build().start()) {
      MgnSandbox first = MgnSandbox.builder().sharedMgn(mgn).hostname("one").build().start();
      MgnSandbox second = MgnSandbox.builder().sharedMgn(mgn).hostname("two").build().start();

      assertThat(first.mgn()).isSameAs(mgn).isSameAs(second.mgn());
      assertThat(first.region()).isEqualTo(Region.EU_WEST_3);
      assertThat(first.bucket().installerPath(InstallerFlavor.BINARY))
          .contains("aws-application-migration-service-eu-west-3/");
      assertThat(first.s3Endpoint()).isNotEqualTo(second.s3Endpoint());
      assertThat(first.installer().installRoot()).isNotEqualTo(second.installer().installRoot());
      first.close();
      second.close();

      assertThat(mgn.isStarted()).isTrue();
    }
  }

  @Test
  void aSharedMgnMustBeStartedAndBringsItsOwnSettings() {
    FakeMgn mgn = FakeMgn.builder().build();
    MgnSandbox sandbox = MgnSandbox.builder().sharedMgn(mgn).build();

    assertThatThrownBy(sandbox::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("start() the shared FakeMgn before the sandbox");
    assertThatThrownBy(sandbox::workDirectory).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () -> MgnSandbox.builder().sharedMgn(mgn).region("eu-west-1").initialized(true).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "a shared FakeMgn brings its own settings; drop region, initialized or the"
                + " shared FakeMgn");
  }

  @Test
  void itsPartsAreThereOnlyOnceStartedAndItStartsOnce() {
    MgnSandbox sandbox = MgnSandbox.builder().build();

    for (Runnable part :
        List.<Runnable>of(
            sandbox::bucket,
            sandbox::installer,
            sandbox::workDirectory,
            sandbox::hostRoot,
            sandbox::s3Endpoint)) {
      assertThatThrownBy(part::run)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("start() this MgnSandbox first");
    }
    try (MgnSandbox started = sandbox.start()) {
      assertThat(started).isSameAs(sandbox);
      assertThatThrownBy(sandbox::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("this MgnSandbox is already started");
    }
  }

  @Test
  void badSettingsAreRefusedWhenSet() {
    assertThatThrownBy(() -> MgnSandbox.builder().flavors())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MgnSandbox.builder().s3Port(70_000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MgnSandbox.builder().simulationSpeed(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
