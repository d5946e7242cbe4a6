package dev.mgnagent.testkit.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;

/** {@link FakeIam} through the real {@link IamClient} (Query protocol, SigV4). */
class FakeIamTest {
  private static final String TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
          + "\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

  private FakeIam iam;
  private IamClient client;

  @BeforeEach
  void start() {
    iam = FakeIam.builder().accountId("444455556666").build().start();
    client = iam.newClient();
  }

  @AfterEach
  void stop() {
    client.close();
    iam.close();
  }

  @Test
  void createGetAttachAndListARole() {
    Role created =
        client
            .createRole(
                r -> r.roleName("AppRole").path("/service-role/").assumeRolePolicyDocument(TRUST))
            .role();
    client.attachRolePolicy(
        r ->
            r.roleName("AppRole")
                .policyArn("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"));
    client.attachRolePolicy(
        r ->
            r.roleName("AppRole")
                .policyArn("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"));

    Role read = client.getRole(r -> r.roleName("AppRole")).role();
    assertThat(read.arn())
        .isEqualTo("arn:aws:iam::444455556666:role/service-role/AppRole")
        .isEqualTo(created.arn());
    assertThat(read.path()).isEqualTo("/service-role/");
    assertThat(read.roleId()).matches("AROA[A-Z0-9]{17}");
    assertThat(URLDecoder.decode(read.assumeRolePolicyDocument(), StandardCharsets.UTF_8))
        .isEqualTo(TRUST);
    assertThat(client.listAttachedRolePolicies(r -> r.roleName("AppRole")).attachedPolicies())
        .extracting(AttachedPolicy::policyName)
        .containsExactly("AmazonSSMManagedInstanceCore");
  }

  @Test
  void errorsAreIamErrors() {
    client.createRole(r -> r.roleName("Twice").assumeRolePolicyDocument(TRUST));
    assertThatThrownBy(
            () -> client.createRole(r -> r.roleName("Twice").assumeRolePolicyDocument(TRUST)))
        .isInstanceOfSatisfying(
            EntityAlreadyExistsException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
    assertThatThrownBy(() -> client.getRole(r -> r.roleName("Nobody")))
        .isInstanceOfSatisfying(
            NoSuchEntityException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(404);
              assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo("The role with name Nobody cannot be found.");
            });
    assertThatThrownBy(
            () ->
                client.attachRolePolicy(
                    r ->
                        r.roleName("Nobody")
                            .policyArn("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore")))
        .isInstanceOf(NoSuchEntityException.class);
    assertThatThrownBy(
            () -> client.createRole(r -> r.roleName("Bad").assumeRolePolicyDocument("not json")))
        .isInstanceOf(MalformedPolicyDocumentException.class);
    assertThatThrownBy(
            () ->
                client.createRole(
                    r -> r.roleName("Bad").path("no-slash").assumeRolePolicyDocument(TRUST)))
        .isInstanceOfSatisfying(
            IamException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
    iam.removePolicy("arn:aws:iam::aws:policy/Gone");
    assertThatThrownBy(
            () ->
                client.attachRolePolicy(
                    r -> r.roleName("Twice").policyArn("arn:aws:iam::aws:policy/Gone")))
        .isInstanceOf(NoSuchEntityException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void keysAreLimitedToTheirActions() {
    AwsBasicCredentials reader = AwsBasicCredentials.create("AKIAREADER0000000001", "r".repeat(40));
    iam.addCredentials(reader, Set.of("iam:GetRole"));
    try (IamClient limited =
        IamClient.builder()
            .region(software.amazon.awssdk.regions.Region.US_EAST_1)
            .endpointOverride(iam.endpoint())
            .httpClientBuilder(
                software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
            .credentialsProvider(StaticCredentialsProvider.create(reader))
            .build()) {
      assertThatThrownBy(() -> limited.getRole(r -> r.roleName("Nobody")))
          .isInstanceOf(NoSuchEntityException.class);
      assertThatThrownBy(
              () ->
                  limited.createRole(
                      r -> r.roleName("X").path("/service-role/").assumeRolePolicyDocument(TRUST)))
          .isInstanceOfSatisfying(
              IamException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                assertThat(e.awsErrorDetails().errorMessage())
                    .contains("iam:CreateRole")
                    .contains("arn:aws:iam::444455556666:role/service-role/X");
              });
    }
    assertThat(iam.roles()).isEmpty();
  }

  @Test
  void aWrongSecretIsASignatureMismatch() {
    AwsBasicCredentials wrong =
        AwsBasicCredentials.create(iam.adminCredentials().accessKeyId(), "w".repeat(40));
    try (IamClient bad =
        IamClient.builder()
            .region(software.amazon.awssdk.regions.Region.US_EAST_1)
            .endpointOverride(iam.endpoint())
            .httpClientBuilder(
                software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
            .credentialsProvider(StaticCredentialsProvider.create(wrong))
            .build()) {
      assertThatThrownBy(() -> bad.getRole(r -> r.roleName("x")))
          .isInstanceOfSatisfying(
              IamException.class,
              e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
              })
          .hasMessageNotContaining("w".repeat(40));
    }
  }
}
