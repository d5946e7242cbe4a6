import dev.mgnagent.Sleeper;
import dev.mgnagent.fleet.FleetResult;
import dev.mgnagent.fleet.HostStatus;
import dev.mgnagent.fleet.ssm.SsmFleetInstallation;
import dev.mgnagent.fleet.ssm.SsmTargets;
import dev.mgnagent.install.InstallRequest;
import dev.mgnagent.installer.InstallerFlavor;
import dev.mgnagent.testkit.installer.FakeInstallerBucket;
import dev.mgnagent.testkit.ssm.FakeSsm;
import dev.mgnagent.testkit.ssm.RecordedExchange;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * An SSM fleet install of N fake managed instances at MaxConcurrency (parallel) P, with a light
 * installer stand-in (a shell script that reads its three answers, waits 0.3 s and prints an ID),
 * through the real SsmClient against FakeSsm. Run by bench/ssm-fleet-scale.sh. Prints per N: the
 * wall time, the SendCommand, ListCommandInvocations and GetCommandInvocation calls, the polls and
 * the list calls per poll per 50 nodes in flight, and the peak heap of this JVM (driver and fake
 * together, sampled every 50 ms).
 */
public final class SsmFleetScale {

  static final String STAND_IN =
      "#!/bin/sh\n"
          + "IFS= read -r secret; IFS= read -r token; IFS= read -r disks\n"
          + "sleep 0.3\n"
          + "id=$(printf '%s' \"$MGNAGENT_FAKE_HOST_ROOT\" | sha256sum | cut -c1-17)\n"
          + "echo \"The following is the source server ID: s-$id.\"\n";

  public static void main(String[] args) throws Exception {
    int parallel = Integer.getInteger("parallel", 100);
    for (String arg : args.length == 0 ? new String[] {"1000"} : args) {
      run(Integer.parseInt(arg), parallel);
    }
  }

  static void run(int n, int parallel) throws Exception {
    Path dir = Files.createTempDirectory("ssm-fleet-scale");
    AwsBasicCredentials operator =
        AwsBasicCredentials.create("AKIABENCHOPERATOR001", "benchOperatorSecret");
    try (FakeInstallerBucket bucket =
            FakeInstallerBucket.builder()
                .region("eu-west-3")
                .installer(InstallerFlavor.BINARY, STAND_IN.getBytes(StandardCharsets.UTF_8))
                .build()
                .start();
        FakeSsm ssm =
            FakeSsm.builder()
                .directory(dir)
                .region("eu-west-3")
                .instances(n)
                .sampleCommandLines(false)
                .build()
                .start();
        SsmClient client =
            SsmClient.builder()
                .region(Region.EU_WEST_3)
                .endpointOverride(ssm.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(operator))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
      ssm.addCredentials(operator);
      AtomicInteger polls = new AtomicInteger();
      Sleeper counting =
          d -> {
            polls.incrementAndGet();
            Sleeper.SYSTEM.sleep(d);
          };
      AtomicLong peakHeap = new AtomicLong();
      Thread sampler =
          new Thread(
              () -> {
                var memory = ManagementFactory.getMemoryMXBean();
                while (!Thread.currentThread().isInterrupted()) {
                  peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                  try {
                    Thread.sleep(50);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              });
      sampler.setDaemon(true);
      sampler.start();
      long start = System.nanoTime();
      FleetResult result =
          SsmFleetInstallation.builder()
              .ssm(client)
              .targets(SsmTargets.instanceIds(ssm.instanceIds()))
              .request(
                  InstallRequest.builder()
                      .region(Region.EU_WEST_3)
                      .s3Endpoint(bucket.endpoint())
                      .sandbox(true)
                      .build())
              .credentials(
                  mustLast ->
                      AwsSessionCredentials.create(
                          "ASIABENCHINSTALL0001", "benchInstallSecret", "benchInstallToken"))
              .parallel(parallel)
              .sleeper(counting)
              .pollBackoff(attempt -> Duration.ofMillis(250))
              .build()
              .install();
      double seconds = (System.nanoTime() - start) / 1e9;
      sampler.interrupt();
      List<RecordedExchange> exchanges = ssm.exchanges();
      long sends = count(exchanges, "SendCommand");
      long lists = count(exchanges, "ListCommandInvocations");
      long gets = count(exchanges, "GetCommandInvocation");
      System.out.printf(
          Locale.ROOT,
          "N=%d parallel=%d: %.1f s, installed %d; SendCommand %d, ListCommandInvocations %d,"
              + " GetCommandInvocation %d, polls %d, list calls per poll %.2f"
              + " (per 50 in flight: %.2f); peak heap %d MiB; peak running %d%n",
          n,
          parallel,
          seconds,
          result.count(HostStatus.INSTALLED),
          sends,
          lists,
          gets,
          polls.get(),
          lists / (double) Math.max(1, polls.get()),
          lists / (double) Math.max(1, polls.get()) / Math.max(1.0, parallel / 50.0),
          peakHeap.get() >> 20,
          ssm.peakRunning());
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static long count(List<RecordedExchange> exchanges, String operation) {
    return exchanges.stream().filter(e -> operation.equals(e.operation())).count();
  }
}
