package dev.mgnagent.testkit.mgn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.DescribeReplicationConfigurationTemplatesResponse;
import software.amazon.awssdk.services.mgn.model.GetReplicationConfigurationResponse;
import software.amazon.awssdk.services.mgn.model.MgnException;
import software.amazon.awssdk.services.mgn.model.ReplicationConfigurationTemplate;
import software.amazon.awssdk.services.mgn.model.UninitializedAccountException;
import software.amazon.awssdk.services.mgn.model.ValidationException;
import software.amazon.awssdk.services.mgn.model.ValidationExceptionReason;

class FakeMgnServiceTest {
  private FakeMgn mgn;
  private MgnClient client;

  @BeforeEach
  void start() {
    mgn = FakeMgn.builder().build().start();
    client = Clients.noRetry(mgn);
  }

  @AfterEach
  void stop() {
    client.close();
    mgn.close();
  }

  @Test
  void endpointIsLoopbackWithTheBoundPort() {
    assertThat(mgn.endpoint().toString()).matches("http://127\\.0\\.0\\.1:[0-9]+");
    assertThat(mgn.region().id()).isEqualTo("us-east-1");
    assertThat(mgn.accountId()).isEqualTo("111122223333");
  }

  @Test
  void everyOperationButInitializeServiceIsRefusedUntilInitialized() {
    assertThat(mgn.isInitialized()).isFalse();
    assertThatThrownBy(() -> client.describeSourceServers(r -> {}))
        .isInstanceOfSatisfying(
            UninitializedAccountException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    assertThatThrownBy(() -> client.describeReplicationConfigurationTemplates(r -> {}))
        .isInstanceOf(UninitializedAccountException.class);
    String id = mgn.addSourceServer(s -> s.hostname("web-1"));
    assertThatThrownBy(() -> client.disconnectFromService(r -> r.sourceServerID(id)))
        .isInstanceOf(UninitializedAccountException.class);
    // the model declares no UninitializedAccountException for the tag operations
    assertThat(
            client.listTagsForResource(r -> r.resourceArn(mgn.sourceServer(id).get().arn())).tags())
        .isEmpty();
  }

  @Test
  void tagOperationsCanBeRefusedUntilInitializedToo() {
    try (FakeMgn strict = FakeMgn.builder().tagOperationsNeedInitialization(true).build().start();
        MgnClient strictClient = Clients.noRetry(strict)) {
      String id = strict.addSourceServer(s -> s.hostname("web-1"));
      String arn = strict.sourceServer(id).get().arn();
      assertThatThrownBy(() -> strictClient.listTagsForResource(r -> r.resourceArn(arn)))
          .isInstanceOf(UninitializedAccountException.class);
      assertThatThrownBy(
              () -> strictClient.tagResource(r -> r.resourceArn(arn).tags(Map.of("a", "b"))))
          .isInstanceOf(UninitializedAccountException.class);
    }
  }

  @Test
  void initializeServiceAnswers204AndCreatesNoTemplate() {
    client.initializeService(r -> {});
    client.initializeService(r -> {});

    assertThat(mgn.isInitialized()).isTrue();
    assertThat(mgn.requests())
        .filteredOn(r -> "InitializeService".equals(r.operation()))
        .extracting(RecordedRequest::status)
        .containsExactly(204, 204);
    DescribeReplicationConfigurationTemplatesResponse templates =
        client.describeReplicationConfigurationTemplates(r -> {});
    assertThat(templates.items()).isEmpty();
    assertThat(templates.nextToken()).isNull();
    assertThat(client.describeLaunchConfigurationTemplates(r -> {}).items()).isEmpty();
  }

  @Test
  void anInitializedAccountHasBothTemplatesWithTheConsoleDefaults() {
    try (FakeMgn ready = FakeMgn.builder().initialized(true).build().start();
        MgnClient readyClient = Clients.noRetry(ready)) {
      ReplicationConfigurationTemplate t =
          readyClient.describeReplicationConfigurationTemplates(r -> {}).items().get(0);
      assertThat(t.replicationConfigurationTemplateID()).matches("rct-[0-9a-zA-Z]{17}");
      assertThat(t.arn())
          .isEqualTo(
              "arn:aws:mgn:us-east-1:111122223333:"
                  + "replication-configuration-template/"
                  + t.replicationConfigurationTemplateID());
      assertThat(t.dataPlaneRoutingAsString()).isEqualTo("PUBLIC_IP");
      assertThat(t.createPublicIP()).isTrue();
      assertThat(t.defaultLargeStagingDiskTypeAsString()).isEqualTo("ST1");
      assertThat(t.replicationServerInstanceType()).isEqualTo("t3.small");
      assertThat(readyClient.describeLaunchConfigurationTemplates(r -> {}).items())
          .singleElement()
          .satisfies(
              l -> assertThat(l.launchConfigurationTemplateID()).matches("lct-[0-9a-zA-Z]{17}"));
    }
  }

  @Test
  void replicationConfigurationFollowsTheDefaultTemplateAndTheServersDisks() {
    client.initializeService(r -> {});
    client.createReplicationConfigurationTemplate(
        FakeMgnTemplatesTest.consoleDefaults("subnet-0123456789abcdef0"));
    String id =
        mgn.addSourceServer(
            s -> s.hostname("db-1").disk("/dev/vda", 1L << 30).disk("/dev/vdb", 2L << 30));

    GetReplicationConfigurationResponse config =
        client.getReplicationConfiguration(r -> r.sourceServerID(id));

    assertThat(config.sourceServerID()).isEqualTo(id);
    assertThat(config.name()).isEqualTo("db-1");
    assertThat(config.replicatedDisks())
        .extracting(d -> d.deviceName() + ":" + d.isBootDisk())
        .containsExactly("/dev/vda:true", "/dev/vdb:false");
    assertThat(config.stagingAreaSubnetId())
        .isEqualTo(
            client
                .describeReplicationConfigurationTemplates(r -> {})
                .items()
                .get(0)
                .stagingAreaSubnetId());
  }

  @Test
  void aRealOperationTheFakeLacksIsAClearValidationError() {
    client.initializeService(r -> {});
    assertThatThrownBy(() -> client.describeJobs(r -> {}))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ValidationExceptionReason.UNKNOWN_OPERATION);
              assertThat(e.awsErrorDetails().errorMessage())
                  .contains("DescribeJobs", "does not support");
            });
  }

  @Test
  void aPathMgnDoesNotHaveIsUnknownOperation404() {
    ExecutionInterceptor rewritePath =
        new ExecutionInterceptor() {
          @Override
          public SdkHttpRequest modifyHttpRequest(
              Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            return context.httpRequest().toBuilder().encodedPath("/NoSuchOperation").build();
          }
        };
    try (MgnClient rewriting =
        Clients.noRetryBuilder(mgn)
            .overrideConfiguration(
                o ->
                    o.addExecutionInterceptor(rewritePath)
                        .retryStrategy(
                            software.amazon.awssdk.awscore.retry.AwsRetryStrategy.doNotRetry()))
            .build()) {
      assertThatThrownBy(() -> rewriting.initializeService(r -> {}))
          .isInstanceOfSatisfying(
              MgnException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(404);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
              });
    }
    assertThat(mgn.isInitialized()).isFalse();
  }
}
