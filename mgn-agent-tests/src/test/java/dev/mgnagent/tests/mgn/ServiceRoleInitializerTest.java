package dev.mgnagent.tests.mgn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.mgn.InitializationPart;
import dev.mgnagent.mgn.InitializationReport;
import dev.mgnagent.mgn.MgnServiceException;
import dev.mgnagent.mgn.PartState;
import dev.mgnagent.mgn.ServiceInitialization;
import dev.mgnagent.mgn.ServiceRoleInitializer;
import dev.mgnagent.testkit.aws.FakeEc2;
import dev.mgnagent.testkit.aws.FakeIam;
import dev.mgnagent.testkit.aws.FakeSts;
import dev.mgnagent.testkit.mgn.FakeMgn;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.mgn.MgnClient;

/**
 * {@link ServiceRoleInitializer} against the fake MGN, IAM, STS and EC2 of one account, through the
 * real AWS SDK clients.
 */
class ServiceRoleInitializerTest {
  private static final String ACCOUNT = "444455556666";
  private static final List<String> ROLES =
      List.of(
          "AWSApplicationMigrationReplicationServerRole",
              "AWSApplicationMigrationConversionServerRole",
          "AWSApplicationMigrationMGHRole", "AWSApplicationMigrationLaunchInstanceWithDrsRole",
          "AWSApplicationMigrationLaunchInstanceWithSsmRole", "AWSApplicationMigrationFsxProxyRole",
          "AWSApplicationMigrationFsxProxyLinkRole", "AWSApplicationMigrationAgentRole");
  private static final Set<String> MGN_ACTIONS =
      Set.of(
          "mgn:DescribeSourceServers",
          "mgn:InitializeService",
          "mgn:DescribeReplicationConfigurationTemplates",
          "mgn:CreateReplicationConfigurationTemplate",
          "mgn:DescribeLaunchConfigurationTemplates",
          "mgn:CreateLaunchConfigurationTemplate");
  private static final Set<String> IAM_ACTIONS =
      Set.of(
          "iam:GetRole", "iam:CreateRole", "iam:AttachRolePolicy", "iam:ListAttachedRolePolicies");
  private static final Set<String> EC2_ACTIONS = Set.of("ec2:DescribeVpcs", "ec2:DescribeSubnets");

  private FakeIam iam;
  private FakeSts sts;
  private FakeEc2 ec2;
  private FakeMgn mgn;

  @BeforeEach
  void start() {
    startWith(b -> {});
  }

  private void startWith(Consumer<FakeEc2.Builder> ec2Options) {
    iam = FakeIam.builder().accountId(ACCOUNT).build().start();
    sts = FakeSts.builder().region("eu-west-3").accountId(ACCOUNT).build().start();
    FakeEc2.Builder e = FakeEc2.builder().region("eu-west-3").accountId(ACCOUNT);
    ec2Options.accept(e);
    ec2 = e.build().start();
    mgn = FakeMgn.builder().region("eu-west-3").accountId(ACCOUNT).iam(iam).build().start();
    allow(mgn.adminCredentials(), all());
  }

  @AfterEach
  void stop() {
    mgn.close();
    ec2.close();
    sts.close();
    iam.close();
  }

  private static Set<String> all() {
    Set<String> out = new HashSet<>(MGN_ACTIONS);
    out.addAll(IAM_ACTIONS);
    out.addAll(EC2_ACTIONS);
    return out;
  }

  private static Set<String> without(String action) {
    Set<String> out = all();
    out.remove(action);
    return out;
  }

  /** The same key in all four fakes, allowed {@code actions} in each. */
  private void allow(AwsBasicCredentials keys, Set<String> actions) {
    mgn.addCredentials(keys, actions);
    iam.addCredentials(keys, actions);
    sts.addCredentials(keys);
    ec2.addCredentials(keys, actions);
  }

  private AwsBasicCredentials keysAllowed(Set<String> actions) {
    AwsBasicCredentials keys =
        AwsBasicCredentials.create(
            "AKIA"
                + Integer.toString(actions.hashCode() & 0x7fffffff, 36).toUpperCase()
                + "ZZZZZZZZZZ".substring(0, 6),
            "k".repeat(40));
    allow(keys, actions);
    return keys;
  }

  private ServiceRoleInitializer.Builder builderFor(AwsBasicCredentials keys) {
    return ServiceRoleInitializer.builder()
        .region(mgn.region())
        .endpoint(mgn.endpoint())
        .iamEndpoint(iam.endpoint())
        .stsEndpoint(sts.endpoint())
        .ec2Endpoint(ec2.endpoint())
        .credentialsProvider(StaticCredentialsProvider.create(keys));
  }

  private ServiceRoleInitializer initializer(AwsBasicCredentials keys) {
    return builderFor(keys).build();
  }

  @Test
  void anEmptyAccountGetsTheRolesTheServiceAndBothTemplates() {
    try (ServiceRoleInitializer initializer = initializer(mgn.adminCredentials())) {
      InitializationReport before = initializer.inspect();
      assertThat(before.parts())
          .hasSize(11)
          .allSatisfy(p -> assertThat(p.state()).isEqualTo(PartState.MISSING));
      assertThat(initializer.isInitialized()).isFalse();

      ServiceInitialization result = initializer.initialize();

      assertThat(result.complete()).isTrue();
      assertThat(result.report().parts())
          .allSatisfy(p -> assertThat(p.state()).isEqualTo(PartState.PRESENT));
      assertThat(result.summary()).startsWith("MGN is initialized in eu-west-3");
      assertThat(result.created()).anySatisfy(c -> assertThat(c).startsWith("InitializeService"));
      assertThat(result.created()).filteredOn(c -> c.startsWith("role ")).hasSize(8);
      assertThat(mgn.isInitialized()).isTrue();
    }
    for (String name : ROLES) {
      FakeIam.Role role = iam.role(name).orElseThrow();
      assertThat(role.path()).isEqualTo("/service-role/");
      assertThat(role.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":role/service-role/" + name);
    }
    assertThat(iam.role("AWSApplicationMigrationAgentRole").orElseThrow().trustPolicy())
        .contains(
            "\"aws:SourceAccount\":\"" + ACCOUNT + "\"",
            "sts:SetSourceIdentity",
            "\"sts:SourceIdentity\":\"s-*\"",
            "mgn.amazonaws.com");
    assertThat(
            iam.role("AWSApplicationMigrationReplicationServerRole")
                .orElseThrow()
                .attachedPolicyArns())
        .containsExactly(
            "arn:aws:iam::aws:policy/service-role/AWSApplicationMigrationReplicationServerPolicy");
    assertThat(
            iam.role("AWSApplicationMigrationLaunchInstanceWithDrsRole")
                .orElseThrow()
                .attachedPolicyArns())
        .containsExactlyInAnyOrder(
            "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
            "arn:aws:iam::aws:policy/service-role/AWSElasticDisasterRecoveryEc2InstancePolicy");
    assertThat(
            iam.role("AWSApplicationMigrationFsxProxyLinkRole").orElseThrow().attachedPolicyArns())
        .isEmpty();
    assertThat(iam.role("AWSServiceRoleForApplicationMigrationService")).isPresent();
    try (MgnClient client = mgn.newClient()) {
      var template = client.describeReplicationConfigurationTemplates(r -> {}).items();
      assertThat(template)
          .singleElement()
          .satisfies(
              t -> {
                assertThat(t.stagingAreaSubnetId())
                    .isEqualTo(ec2.defaultSubnet("eu-west-3a").orElseThrow().id());
                assertThat(t.replicationServerInstanceType()).isEqualTo("t3.small");
                assertThat(t.defaultLargeStagingDiskTypeAsString()).isEqualTo("ST1");
                assertThat(t.dataPlaneRoutingAsString()).isEqualTo("PUBLIC_IP");
                assertThat(t.createPublicIP()).isTrue();
                assertThat(t.associateDefaultSecurityGroup()).isTrue();
                assertThat(t.ebsEncryptionAsString()).isEqualTo("DEFAULT");
              });
      assertThat(client.describeLaunchConfigurationTemplates(r -> {}).items()).hasSize(1);
    }
  }

  @Test
  void aSecondRunCreatesNothing() {
    try (ServiceRoleInitializer initializer = initializer(mgn.adminCredentials())) {
      ServiceInitialization first = initializer.initialize();
      int requests = mgn.requests().size();
      ServiceInitialization second = initializer.initialize();

      assertThat(second.created()).isEmpty();
      assertThat(second.complete()).isTrue();
      assertThat(second.summary()).endsWith("nothing was missing");
      assertThat(second.replicationConfigurationTemplateIds())
          .isEqualTo(first.replicationConfigurationTemplateIds());
      assertThat(mgn.requests().subList(requests, mgn.requests().size()))
          .noneSatisfy(r -> assertThat(r.operation()).startsWith("Create"))
          .noneSatisfy(r -> assertThat(r.operation()).isEqualTo("InitializeService"));
    }
  }

  @Test
  void inspectChangesNothingAndNamesEveryPart() {
    try (ServiceRoleInitializer initializer = initializer(mgn.adminCredentials())) {
      InitializationReport report = initializer.inspect();

      assertThat(report.parts())
          .extracting(InitializationPart::name)
          .containsSubsequence(
              "role AWSApplicationMigrationReplicationServerRole",
              "role AWSApplicationMigrationAgentRole",
              "service (InitializeService)",
              "replication configuration template",
              "launch configuration template");
      assertThat(report.complete()).isFalse();
    }
    assertThat(iam.roles()).isEmpty();
    assertThat(mgn.isInitialized()).isFalse();
  }

  @Test
  void aMissingPolicyIsReportedAndAttached() {
    try (ServiceRoleInitializer initializer = initializer(mgn.adminCredentials())) {
      initializer.initialize();
      iam.putRole("/service-role/", "AWSApplicationMigrationMGHRole", "{}", List.of());

      assertThat(initializer.inspect().parts())
          .filteredOn(p -> p.name().equals("role AWSApplicationMigrationMGHRole"))
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.state()).isEqualTo(PartState.MISSING);
                assertThat(p.detail()).contains("AWSApplicationMigrationMGHAccess");
              });
      assertThat(initializer.initialize().created())
          .containsExactly(
              "policy arn:aws:iam::aws:"
                  + "policy/service-role/AWSApplicationMigrationMGHAccess attached to"
                  + " AWSApplicationMigrationMGHRole");
    }
  }

  @Test
  void theUndocumentedPolicyIsANoteNeverAGuess() {
    try (ServiceRoleInitializer initializer = initializer(mgn.adminCredentials())) {
      ServiceInitialization result = initializer.initialize();
      assertThat(result.report().notes())
          .singleElement()
          .satisfies(
              n ->
                  assertThat(n)
                      .contains(
                          "AWSApplicationMigrationFsxProxyLinkRole",
                          "AWSApplicationMigrationFSxProxyVPCPolicy",
                          "not guessed"));
    }
  }

  @Test
  void aGivenStagingSubnetIsUsed() {
    try (ServiceRoleInitializer initializer =
            builderFor(mgn.adminCredentials()).stagingSubnetId("subnet-0aaaabbbbccccdddd").build();
        MgnClient client = mgn.newClient()) {
      ServiceInitialization result = initializer.initialize();
      assertThat(result.created())
          .anySatisfy(c -> assertThat(c).contains("subnet-0aaaabbbbccccdddd"));
      assertThat(
              client
                  .describeReplicationConfigurationTemplates(r -> {})
                  .items()
                  .get(0)
                  .stagingAreaSubnetId())
          .isEqualTo("subnet-0aaaabbbbccccdddd");
    }
    try (ServiceRoleInitializer bad =
        builderFor(mgn.adminCredentials()).stagingSubnetId("sn-1").build()) {
      assertThatThrownBy(bad::initialize)
          .isInstanceOf(InvalidRequestException.class)
          .hasMessageContaining("is not a subnet ID");
    }
  }

  @Test
  void anAccountWithoutDefaultVpcNeedsAStagingSubnet() {
    stop();
    startWith(FakeEc2.Builder::noDefaultVpc);
    try (ServiceRoleInitializer initializer = initializer(mgn.adminCredentials())) {
      assertThatThrownBy(initializer::initialize)
          .isInstanceOfSatisfying(
              InvalidRequestException.class,
              e -> assertThat(e.parameter()).contains("stagingSubnetId"))
          .hasMessageContaining("no default VPC in eu-west-3");
    }
  }

  @Test
  void withoutIamRightsEveryRoleIsUnknownAndInitializeNamesTheActions() {
    Set<String> noIam = new HashSet<>(MGN_ACTIONS);
    noIam.addAll(EC2_ACTIONS);
    try (ServiceRoleInitializer initializer = initializer(keysAllowed(noIam))) {
      assertThat(initializer.inspect().parts())
          .filteredOn(p -> p.name().startsWith("role "))
          .hasSize(8)
          .allSatisfy(
              p -> {
                assertThat(p.state()).isEqualTo(PartState.UNKNOWN);
                assertThat(p.detail()).contains("iam:GetRole", "iam:ListAttachedRolePolicies");
              });
      assertThatThrownBy(initializer::initialize)
          .isInstanceOfSatisfying(
              MgnServiceException.class, e -> assertThat(e.errorCode()).contains("AccessDenied"))
          .hasMessageContaining(
              "IAM refused GetRole for role" + " AWSApplicationMigrationReplicationServerRole")
          .hasMessageContaining(
              "iam:GetRole, iam:CreateRole, iam:AttachRolePolicy,"
                  + " iam:ListAttachedRolePolicies");
    }
    assertThat(iam.roles()).isEmpty();
  }

  @Test
  void eachRefusedPartNamesItsActions() {
    record Case(String refused, String message) {}
    List<Case> cases =
        List.of(
            new Case(
                "iam:CreateRole",
                "IAM refused CreateRole for role"
                    + " AWSApplicationMigrationReplicationServerRole (arn:aws:iam::"
                    + ACCOUNT
                    + ":role/service-role/AWSApplicationMigrationReplicationServerRole)"),
            new Case("iam:AttachRolePolicy", "IAM refused AttachRolePolicy"),
            new Case("mgn:InitializeService", "iam:CreateServiceLinkedRole"),
            new Case("ec2:DescribeVpcs", "needs ec2:DescribeVpcs, ec2:DescribeSubnets"),
            new Case("ec2:DescribeSubnets", "needs ec2:DescribeVpcs, ec2:DescribeSubnets"),
            new Case(
                "mgn:CreateReplicationConfigurationTemplate",
                "needs mgn:CreateReplicationConfigurationTemplate"),
            new Case(
                "mgn:CreateLaunchConfigurationTemplate",
                "needs mgn:CreateLaunchConfigurationTemplate"));
    for (Case c : cases) {
      stop();
      start();
      AwsBasicCredentials keys = keysAllowed(without(c.refused()));
      try (ServiceRoleInitializer initializer = initializer(keys)) {
        assertThatThrownBy(initializer::initialize)
            .as(c.refused())
            .isInstanceOf(MgnServiceException.class)
            .hasMessageContaining(c.message())
            .hasMessageContaining(c.refused())
            .hasMessageNotContaining(keys.secretAccessKey());
      }
    }
  }

  @Test
  void installerKeysSeeNothingAndAreToldWhatInitializationNeeds() {
    AwsBasicCredentials installer = mgn.installerCredentials();
    iam.addCredentials(installer, Set.of());
    sts.addCredentials(installer);
    ec2.addCredentials(installer, Set.of());
    try (ServiceRoleInitializer initializer = initializer(installer)) {
      assertThat(initializer.inspect().parts())
          .allSatisfy(p -> assertThat(p.state()).isEqualTo(PartState.UNKNOWN));
      assertThatThrownBy(initializer::initialize)
          .isInstanceOf(MgnServiceException.class)
          .hasMessageContaining("iam:CreateRole")
          .hasMessageNotContaining(installer.secretAccessKey());
    }
  }

  @Test
  void withoutLinkedRolesInitializeServiceFailsAsMeasured() {
    iam.close();
    mgn.close();
    iam = FakeIam.builder().accountId(ACCOUNT).build().start();
    mgn = FakeMgn.builder().region("eu-west-3").accountId(ACCOUNT).iam(iam).build().start();
    allow(mgn.adminCredentials(), all());
    try (MgnClient client = mgn.newClient()) {
      assertThatThrownBy(() -> client.initializeService(r -> {}))
          .hasMessageContaining("Failed to create SLR or instance profiles");
    }
    try (ServiceRoleInitializer initializer = initializer(mgn.adminCredentials())) {
      assertThat(initializer.initialize().complete()).isTrue();
    }
  }

  @Test
  void unknownKeyIsExplained() {
    AwsBasicCredentials stranger =
        AwsBasicCredentials.create("AKIAAAAAAAAAAAAAAAAA", "x".repeat(40));
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
          .hasMessageContaining("SignatureDoesNotMatch")
          .hasMessageNotContaining("y".repeat(40));
      assertThatThrownBy(initializer::isInitialized)
          .isInstanceOf(MgnServiceException.class)
          .hasMessageStartingWith("MGN rejected the request signature")
          .hasMessageNotContaining("y".repeat(40));
    }
  }

  @Test
  void slrFailureGetsItsOwnRemedy() {
    mgn.failNext(
        "InitializeService",
        1,
        400,
        "ValidationException",
        "Failed to create SLR or instance profiles");
    try (ServiceRoleInitializer initializer = initializer(mgn.adminCredentials())) {
      assertThatThrownBy(initializer::initialize)
          .hasMessageContaining(
              "created the service-linked role or instance profiles but not the" + " service roles")
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
    try (ServiceRoleInitializer initializer =
        ServiceRoleInitializer.builder()
            .region(mgn.region())
            .endpoint(nowhere)
            .credentialsProvider(StaticCredentialsProvider.create(mgn.adminCredentials()))
            .build()) {
      assertThatThrownBy(initializer::isInitialized)
          .isInstanceOfSatisfying(
              MgnServiceException.class, e -> assertThat(e.errorCode()).isEqualTo(Optional.empty()))
          .hasMessageStartingWith("cannot reach http://127.0.0.1:1 for DescribeSourceServers");
    }
  }

  @Test
  void aFakeMgnWithoutFakeIamStsAndEc2NeverReachesTheRealOnes() {
    try (ServiceRoleInitializer initializer =
        ServiceRoleInitializer.builder()
            .region(mgn.region())
            .endpoint(mgn.endpoint())
            .credentialsProvider(StaticCredentialsProvider.create(mgn.adminCredentials()))
            .build()) {
      assertThatThrownBy(initializer::initialize)
          .isInstanceOfSatisfying(
              dev.mgnagent.InvalidRequestException.class,
              e -> assertThat(e.parameter()).hasValue("stsEndpoint"))
          .hasMessageContaining("is on loopback (a fake)");
    }
  }

  @Test
  void aClientPassedInIsUsedAndLeftOpen() {
    MgnClient client = mgn.newClient();
    try (ServiceRoleInitializer initializer =
        ServiceRoleInitializer.builder()
            .mgnClient(client)
            .iamEndpoint(iam.endpoint())
            .stsEndpoint(sts.endpoint())
            .ec2Endpoint(ec2.endpoint())
            .build()) {
      initializer.initialize();
    }

    assertThat(client.describeSourceServers(r -> {}).items()).isEmpty();
    client.close();
  }

  @Test
  void anonymousCallsAreRefused() {
    try (ServiceRoleInitializer initializer =
        ServiceRoleInitializer.builder()
            .region(mgn.region())
            .endpoint(mgn.endpoint())
            .iamEndpoint(iam.endpoint())
            .stsEndpoint(sts.endpoint())
            .ec2Endpoint(ec2.endpoint())
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .build()) {
      assertThatThrownBy(initializer::initialize)
          .isInstanceOfAny(MgnServiceException.class, InvalidRequestException.class);
    }
  }
}
