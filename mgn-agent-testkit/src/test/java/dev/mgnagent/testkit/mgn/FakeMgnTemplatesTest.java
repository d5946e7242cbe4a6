package dev.mgnagent.testkit.mgn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.testkit.aws.FakeIam;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.CreateLaunchConfigurationTemplateResponse;
import software.amazon.awssdk.services.mgn.model.CreateReplicationConfigurationTemplateRequest;
import software.amazon.awssdk.services.mgn.model.CreateReplicationConfigurationTemplateResponse;
import software.amazon.awssdk.services.mgn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.mgn.model.UninitializedAccountException;
import software.amazon.awssdk.services.mgn.model.ValidationException;
import software.amazon.awssdk.services.mgn.model.ValidationExceptionReason;

/** The template operations of {@link FakeMgn}, and InitializeService with a linked fake IAM. */
class FakeMgnTemplatesTest {
  private FakeMgn mgn;
  private MgnClient client;

  /** A create request with the eleven required members, as the console's defaults. */
  static CreateReplicationConfigurationTemplateRequest consoleDefaults(String subnet) {
    return CreateReplicationConfigurationTemplateRequest.builder()
        .associateDefaultSecurityGroup(true)
        .bandwidthThrottling(0L)
        .createPublicIP(true)
        .dataPlaneRouting("PUBLIC_IP")
        .defaultLargeStagingDiskType("ST1")
        .ebsEncryption("DEFAULT")
        .replicationServerInstanceType("t3.small")
        .replicationServersSecurityGroupsIDs(List.of())
        .stagingAreaSubnetId(subnet)
        .stagingAreaTags(Map.of())
        .useDedicatedReplicationServer(false)
        .build();
  }

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
  void createDescribeAndUpdateAReplicationTemplate() {
    client.initializeService(r -> {});
    CreateReplicationConfigurationTemplateResponse created =
        client.createReplicationConfigurationTemplate(consoleDefaults("subnet-0123456789abcdef0"));

    assertThat(created.sdkHttpResponse().statusCode()).isEqualTo(201);
    assertThat(created.replicationConfigurationTemplateID()).matches("rct-[0-9a-zA-Z]{17}");
    assertThat(created.stagingAreaSubnetId()).isEqualTo("subnet-0123456789abcdef0");
    assertThat(created.dataPlaneRoutingAsString()).isEqualTo("PUBLIC_IP");

    client.updateReplicationConfigurationTemplate(
        r ->
            r.replicationConfigurationTemplateID(created.replicationConfigurationTemplateID())
                .replicationServerInstanceType("m5.large"));
    assertThat(client.describeReplicationConfigurationTemplates(r -> {}).items())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.replicationServerInstanceType()).isEqualTo("m5.large");
              assertThat(t.stagingAreaSubnetId()).isEqualTo("subnet-0123456789abcdef0");
            });
    assertThatThrownBy(
            () ->
                client.updateReplicationConfigurationTemplate(
                    r -> r.replicationConfigurationTemplateID("rct-0000000000000000a")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void requiredAndConstrainedMembersAreValidated() {
    client.initializeService(r -> {});
    assertThatThrownBy(
            () ->
                client.createReplicationConfigurationTemplate(
                    consoleDefaults("subnet-0123456789abcdef0").toBuilder()
                        .stagingAreaTags((Map<String, String>) null)
                        .build()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ValidationExceptionReason.FIELD_VALIDATION_FAILED);
              assertThat(e.fieldList())
                  .singleElement()
                  .satisfies(f -> assertThat(f.name()).isEqualTo("stagingAreaTags"));
            });
    assertThatThrownBy(
            () -> client.createReplicationConfigurationTemplate(consoleDefaults("subnet-xyz")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("stagingAreaSubnetId");
    assertThatThrownBy(
            () ->
                client.createReplicationConfigurationTemplate(
                    consoleDefaults("subnet-0123456789abcdef0").toBuilder()
                        .bandwidthThrottling(10001L)
                        .build()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("bandwidthThrottling");
    assertThatThrownBy(
            () ->
                client.createReplicationConfigurationTemplate(
                    consoleDefaults("subnet-0123456789abcdef0").toBuilder()
                        .dataPlaneRouting("VPN")
                        .build()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("dataPlaneRouting");
    assertThatThrownBy(() -> client.createLaunchConfigurationTemplate(r -> r.bootMode("BIOS")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("bootMode");
    assertThat(client.describeReplicationConfigurationTemplates(r -> {}).items()).isEmpty();
  }

  @Test
  void launchTemplatesNeedNoMember() {
    client.initializeService(r -> {});
    CreateLaunchConfigurationTemplateResponse created =
        client.createLaunchConfigurationTemplate(r -> {});

    assertThat(created.sdkHttpResponse().statusCode()).isEqualTo(201);
    assertThat(created.launchConfigurationTemplateID()).matches("lct-[0-9a-zA-Z]{17}");
    assertThat(created.ec2LaunchTemplateID()).matches("lt-[0-9a-z]{17}");
    assertThat(
            client
                .describeLaunchConfigurationTemplates(
                    r -> r.launchConfigurationTemplateIDs(created.launchConfigurationTemplateID()))
                .items())
        .hasSize(1);
  }

  @Test
  void templatesNeedAnInitializedAccount() {
    assertThatThrownBy(() -> client.createLaunchConfigurationTemplate(r -> {}))
        .isInstanceOf(UninitializedAccountException.class);
    assertThatThrownBy(() -> client.describeLaunchConfigurationTemplates(r -> {}))
        .isInstanceOf(UninitializedAccountException.class);
  }

  @Test
  void withALinkedIamInitializeServiceCreatesTheServiceLinkedRoleAndNeedsTheRoles() {
    try (FakeIam iam = FakeIam.builder().build().start();
        FakeMgn linked = FakeMgn.builder().iam(iam).build().start();
        MgnClient linkedClient = Clients.noRetry(linked)) {
      assertThatThrownBy(() -> linkedClient.initializeService(r -> {}))
          .isInstanceOf(ValidationException.class)
          .hasMessageContaining("Failed to create SLR or instance profiles");
      assertThat(linked.isInitialized()).isFalse();
      assertThat(iam.role("AWSServiceRoleForApplicationMigrationService"))
          .get()
          .satisfies(r -> assertThat(r.path()).isEqualTo("/aws-service-role/mgn.amazonaws.com/"));

      for (String role :
          List.of(
              "AWSApplicationMigrationReplicationServerRole",
              "AWSApplicationMigrationConversionServerRole",
              "AWSApplicationMigrationLaunchInstanceWithDrsRole",
              "AWSApplicationMigrationLaunchInstanceWithSsmRole")) {
        iam.putRole("/service-role/", role, "{}", List.of());
      }
      linkedClient.initializeService(r -> {});
      assertThat(linked.isInitialized()).isTrue();
    }
  }
}
