package dev.mgnagent.testkit.mgn;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mgn.MgnClient;

class FakeMgnConcurrencyTest {

  @Test
  void concurrentClientsAllGetConsistentAnswers() throws Exception {
    try (FakeMgn mgn = FakeMgn.builder().initialized(true).build().start();
        MgnClient client = mgn.newClient()) {
      String id = mgn.addSourceServer(s -> s.hostname("busy"));
      String arn = mgn.sourceServer(id).orElseThrow().arn();
      ExecutorService pool = Executors.newFixedThreadPool(6);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
          int thread = t;
          futures.add(
              pool.submit(
                  () -> {
                    for (int i = 0; i < 10; i++) {
                      client.tagResource(r -> r.resourceArn(arn).tags(Map.of("t" + thread, "v")));
                      assertThat(client.describeSourceServers(r -> {}).items()).hasSize(1);
                    }
                  }));
        }
        for (Future<?> f : futures) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(mgn.sourceServer(id).orElseThrow().tags()).hasSize(6);
      assertThat(mgn.requests())
          .hasSize(120)
          .allSatisfy(r -> assertThat(r.status()).isLessThan(300));
    }
  }

  @Test
  void listensOnLoopbackOnlyAndCanBeRestartedWithItsState() throws Exception {
    FakeMgn mgn = FakeMgn.builder().build().start();
    int port = mgn.endpoint().getPort();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
    }
    try (MgnClient client = mgn.newClient()) {
      client.initializeService(r -> {});
      client.createLaunchConfigurationTemplate(r -> {});
    }
    mgn.close();
    mgn.close();

    mgn.start();
    try (MgnClient client = mgn.newClient()) {
      assertThat(mgn.isInitialized()).isTrue();
      assertThat(client.describeLaunchConfigurationTemplates(r -> {}).items()).hasSize(1);
    } finally {
      mgn.close();
    }
  }
}
