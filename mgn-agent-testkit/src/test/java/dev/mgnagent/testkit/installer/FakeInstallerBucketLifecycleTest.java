package dev.mgnagent.testkit.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.installer.InstallerFlavor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The bucket's lifecycle: built, started, closed, started again; the same as FakeMgn's. */
class FakeInstallerBucketLifecycleTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static int status(URI uri) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void aBuiltBucketServesOnlyOnceStartedAndAgainAfterARestart() throws Exception {
    FakeInstallerBucket bucket = FakeInstallerBucket.builder().binarySize(1000).build();
    assertThat(bucket.isStarted()).isFalse();
    assertThatThrownBy(bucket::endpoint)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("start() this FakeInstallerBucket first");

    try (FakeInstallerBucket started = bucket.start()) {
      assertThat(started).isSameAs(bucket);
      assertThat(status(bucket.installerUrl(InstallerFlavor.BINARY))).isEqualTo(200);
      assertThatThrownBy(bucket::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("this FakeInstallerBucket is already started");
    }
    assertThat(bucket.isStarted()).isFalse();
    bucket.close();

    try (FakeInstallerBucket again = bucket.start()) {
      assertThat(status(again.installerUrl(InstallerFlavor.BINARY))).isEqualTo(200);
      assertThat(again.requests()).as("the requests of both runs").hasSize(2);
    }
  }

  @Test
  void aClosedBucketRefusesConnections() throws Exception {
    FakeInstallerBucket bucket = FakeInstallerBucket.builder().build().start();
    URI installer = bucket.installerUrl(InstallerFlavor.BINARY);

    bucket.close();

    assertThatThrownBy(() -> status(installer)).isInstanceOf(IOException.class);
  }

  @Test
  void aTakenPortFailsTheStartSayingWhich() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      FakeInstallerBucket bucket = FakeInstallerBucket.builder().port(taken.getLocalPort()).build();

      assertThatThrownBy(bucket::start)
          .isInstanceOf(UncheckedIOException.class)
          .hasMessage("cannot listen on 127.0.0.1:" + taken.getLocalPort());
      assertThat(bucket.isStarted()).isFalse();
    }
  }

  @Test
  void aRemovedFlavorIsNotServed() throws Exception {
    try (FakeInstallerBucket bucket =
        FakeInstallerBucket.builder().removeInstaller(InstallerFlavor.PYTHON).build().start()) {
      assertThat(status(bucket.installerUrl(InstallerFlavor.PYTHON))).isEqualTo(404);
      assertThatThrownBy(() -> bucket.installer(InstallerFlavor.PYTHON))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
