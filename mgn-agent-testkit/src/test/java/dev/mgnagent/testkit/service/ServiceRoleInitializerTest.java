package dev.mgnagent.testkit.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.mgn.MgnServiceException;
import dev.mgnagent.mgn.ServiceInitialization;
import dev.mgnagent.mgn.ServiceRoleInitializer;
import dev.mgnagent.testkit.mgn.FakeMgn;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.mgn.MgnClient;

/** {@link ServiceRoleInitializer} against the fake MGN, through the real AWS SDK client. */
class ServiceRoleInitializerTest {

  private FakeMgn mgn;

  @BeforeEach
  void start() {
    mgn = FakeMgn.builder().region("eu-west-3").build().start();
  }

  @AfterEach
  void stop() {
    mgn.close();
  }

  private ServiceRoleInitializer initializer(AwsBasicCredentials keys) {
    return ServiceRoleInitializer.builder()
        .region(mgn.region())
        .endpoint(mgn.endpoint())
        .credentialsProvider(StaticCredentialsProvider.create(keys))
        .build();
  }

  @Test
  void initializeCreatesTheServiceAndFindsTheDefaultTemplate() {
    try (ServiceRoleInitializer initializer = initializer(mgn.adminCredentials())) {
      assertThat(initializer.isInitialized()).isFalse();

      ServiceInitialization result = initializer.initialize();

      assertThat(result.complete()).isTrue();
      assertThat(result.replicationConfigurationTemplateIds()).singleElement()
          .satisfies(id -> assertThat(id).matches("rct-[0-9a-zA-Z]{17}"));
      assertThat(result.summary()).startsWith("MGN is initialized in eu-west-3");
      assertThat(initializer.isInitialized()).isTrue();
      assertThat(mgn.isInitialized()).isTrue();
    }
  }

  @Test
  void initializeIsIdempotent() {
    try (ServiceRoleInitializer initializer = initializer(mgn.adminCredentials())) {
      ServiceInitialization first = initializer.initialize();
      ServiceInitialization second = initializer.initialize();

      assertThat(second.replicationConfigurationTemplateIds())
          .isEqualTo(first.replicationConfigurationTemplateIds());
    }
  }

  @Test
  void installerKeysAreToldWhichPermissionsInitializationNeeds() {
    try (ServiceRoleInitializer initializer = initializer(mgn.installerCredentials())) {
      assertThatThrownBy(initializer::initialize)
          .isInstanceOfSatisfying(MgnServiceException.class, e -> {
            assertThat(e.operation()).isEqualTo("InitializeService");
            assertThat(e.errorCode()).contains("AccessDeniedException");
          })
          .hasMessageContaining("iam:CreateServiceLinkedRole")
          .hasMessageContaining("AWSApplicationMigrationReplicationServerRole")
          .hasMessageContaining("AWSApplicationMigrationAgentRole")
          .hasMessageNotContaining(mgn.installerCredentials().secretAccessKey());
    }
  }

  @Test
  void unknownKeyIsExplained() {
    AwsBasicCredentials stranger = AwsBasicCredentials.create("AKIAAAAAAAAAAAAAAAAA", "x".repeat(40));
    try (ServiceRoleInitializer initializer = initializer(stranger)) {
      assertThatThrownBy(initializer::isInitialized)
          .isInstanceOf(MgnServiceException.class)
          .hasMessageStartingWith("MGN does not recognize the access key");
    }
  }

  @Test
  void wrongSecretIsExplained() {
    AwsBasicCredentials wrong =
        AwsBasicCredentials.create(mgn.adminCredentials().accessKeyId(), "y".repeat(40));
    try (ServiceRoleInitializer initializer = initializer(wrong)) {
      assertThatThrownBy(initializer::initialize)
          .isInstanceOf(MgnServiceException.class)
          .hasMessageStartingWith("MGN rejected the request signature")
          .hasMessageNotContaining("y".repeat(40));
    }
  }

  @Test
  void slrFailureGetsItsOwnRemedy() {
    mgn.failNext("InitializeService", 1, 400, "ValidationException",
        "Failed to create SLR or instance profiles");
    try (ServiceRoleInitializer initializer = initializer(mgn.adminCredentials())) {
      assertThatThrownBy(initializer::initialize)
          .hasMessageContaining("created the service-linked role or instance profiles but not the"
              + " service roles")
          .hasMessageContaining("Reinitialize service permissions");
    }
  }

  @Test
  void missingAgentRoleGetsItsOwnRemedy() {
    mgn.failNext("InitializeService", 1, 400, "ValidationException", "Agent IAM role missing");
    try (ServiceRoleInitializer initializer = initializer(mgn.adminCredentials())) {
      assertThatThrownBy(initializer::initialize)
          .hasMessageStartingWith("the role AWSApplicationMigrationAgentRole is missing");
    }
  }

  @Test
  void unreachableEndpointSaysWhere() {
    java.net.URI nowhere = java.net.URI.create("http://127.0.0.1:1");
    try (ServiceRoleInitializer initializer = ServiceRoleInitializer.builder()
        .region(mgn.region()).endpoint(nowhere)
        .credentialsProvider(StaticCredentialsProvider.create(mgn.adminCredentials()))
        .build()) {
      assertThatThrownBy(initializer::isInitialized)
          .isInstanceOfSatisfying(MgnServiceException.class,
              e -> assertThat(e.errorCode()).isEqualTo(Optional.empty()))
          .hasMessageStartingWith("cannot reach http://127.0.0.1:1 for DescribeSourceServers");
    }
  }

  @Test
  void aClientPassedInIsUsedAndLeftOpen() {
    MgnClient client = mgn.newClient();
    try (ServiceRoleInitializer initializer = ServiceRoleInitializer.builder().mgnClient(client).build()) {
      initializer.initialize();
    }

    assertThat(client.describeSourceServers(r -> {}).items()).isEmpty();
    client.close();
  }

  @Test
  void anonymousCallsAreRefused() {
    try (ServiceRoleInitializer initializer = ServiceRoleInitializer.builder()
        .region(mgn.region()).endpoint(mgn.endpoint())
        .credentialsProvider(AnonymousCredentialsProvider.create()).build()) {
      assertThatThrownBy(initializer::initialize)
          .isInstanceOfAny(MgnServiceException.class, InvalidRequestException.class);
    }
  }
}
