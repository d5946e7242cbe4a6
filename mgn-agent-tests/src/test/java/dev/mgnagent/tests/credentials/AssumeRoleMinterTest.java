package dev.mgnagent.tests.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.credentials.AssumeRoleException;
import dev.mgnagent.credentials.AssumeRoleMinter;
import dev.mgnagent.credentials.TemporaryCredentials;
import dev.mgnagent.testkit.aws.AssumeRoleCall;
import dev.mgnagent.testkit.aws.FakeSts;
import dev.mgnagent.testkit.mgn.SteppedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/** {@link AssumeRoleMinter} against the fake STS, through the real STS client. */
class AssumeRoleMinterTest {

  private static final String ROLE = "arn:aws:iam::111122223333:role/mgn-install";

  private FakeSts sts;

  @BeforeEach
  void start() {
    sts = FakeSts.builder().build().start().addRole(ROLE);
  }

  @AfterEach
  void stop() {
    sts.close();
  }

  private AssumeRoleMinter.Builder minter() {
    return AssumeRoleMinter.builder()
        .roleArn(ROLE)
        .region(Region.US_EAST_1)
        .stsEndpoint(sts.endpoint())
        .credentials(StaticCredentialsProvider.create(sts.adminCredentials()));
  }

  @Test
  void mintsWithTheInstallationSessionPolicyTheDurationAndOurSessionName() {
    TemporaryCredentials keys;
    try (AssumeRoleMinter minter = minter().duration(Duration.ofSeconds(1800)).build()) {
      keys = minter.mint();
    }
    assertThat(keys.accessKeyId()).startsWith("ASIA");
    List<AssumeRoleCall> calls = sts.assumeRoleCalls();
    assertThat(calls).hasSize(1);
    AssumeRoleCall call = calls.get(0);
    assertThat(call.roleArn()).isEqualTo(ROLE);
    assertThat(call.policyArns())
        .containsExactly("arn:aws:iam::aws:policy/AWSApplicationMigrationAgentInstallationPolicy");
    assertThat(call.durationSeconds()).isEqualTo(OptionalInt.of(1800));
    assertThat(call.roleSessionName()).isEqualTo("mgn-agent-install");
    assertThat(call.callerAccessKeyId()).isEqualTo(sts.adminCredentials().accessKeyId());
    assertThat(call.issuedAccessKeyId()).contains(keys.accessKeyId());
    assertThat(keys.expiration()).isEqualTo(call.expiration().orElseThrow());
    // the keys work: STS itself knows them as the assumed role
    try (StsClient client =
        StsClient.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(sts.endpoint())
            .credentialsProvider(StaticCredentialsProvider.create(keys.toAwsCredentials()))
            .build()) {
      assertThat(client.getCallerIdentity().arn())
          .isEqualTo("arn:aws:sts::111122223333:assumed-role/mgn-install/mgn-agent-install");
    }
    // nothing secret in the text of the set
    assertThat(keys.toString())
        .contains(keys.accessKeyId())
        .doesNotContain(keys.secretAccessKey().reveal())
        .doesNotContain(keys.sessionToken().reveal());
  }

  @Test
  void currentSharesOneSetUntilItExpiresWithinTheInstallerTimeoutPlusFiveMinutes() {
    SteppedClock clock = new SteppedClock(Instant.now());
    try (AssumeRoleMinter minter =
        minter()
            .duration(Duration.ofSeconds(3600))
            .installerTimeout(Duration.ofMinutes(30))
            .clock(clock)
            .build()) {
      TemporaryCredentials first = minter.current();
      clock.advance(Duration.ofMinutes(20)); // 40 minutes left: more than 30 + 5
      assertThat(minter.current()).isSameAs(first);
      clock.advance(Duration.ofMinutes(6)); // 34 minutes left: within 30 + 5
      TemporaryCredentials second = minter.current();
      assertThat(second.accessKeyId()).isNotEqualTo(first.accessKeyId());
    }
    assertThat(sts.assumeRoleCalls()).hasSize(2);
  }

  @Test
  void aDurationShorterThanTheWindowMintsForEveryCall() {
    try (AssumeRoleMinter minter =
        minter()
            .duration(Duration.ofSeconds(900))
            .installerTimeout(Duration.ofMinutes(30))
            .build()) {
      assertThat(minter.current().accessKeyId()).isNotEqualTo(minter.current().accessKeyId());
    }
  }

  @Test
  void aRoleThatDoesNotTrustTheCallerIsATypedFailureNamingTheRole() {
    try (AssumeRoleMinter minter =
        minter().roleArn("arn:aws:iam::111122223333:role/someone-else").build()) {
      assertThatThrownBy(minter::current)
          .isInstanceOfSatisfying(
              AssumeRoleException.class, e -> assertThat(e.errorCode()).isEqualTo("AccessDenied"))
          .hasMessageContaining("role/someone-else")
          .hasMessageNotContaining(sts.adminCredentials().secretAccessKey());
    }
  }

  @Test
  void badValuesAreRefusedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> minter().roleArn("mgn-install").build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("roleArn");
    assertThatThrownBy(() -> minter().duration(Duration.ofSeconds(899)).build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("900 to 3600");
    assertThatThrownBy(() -> minter().duration(Duration.ofSeconds(3601)).build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("900 to 3600");
    assertThatThrownBy(() -> minter().roleSessionName("has space").build())
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("roleSessionName");
    assertThat(sts.assumeRoleCalls()).isEmpty();
  }

  @Test
  void theFakeChecksTheModelsConstraintsAndTheRolesMaximumSession() {
    try (StsClient client = sts.newClient()) {
      assertThatThrownBy(() -> client.assumeRole(r -> r.roleArn(ROLE).roleSessionName("x").build()))
          .isInstanceOfSatisfying(
              StsException.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"))
          .hasMessageContaining("roleSessionName");
      assertThatThrownBy(
              () ->
                  client.assumeRole(
                      r -> r.roleArn(ROLE).roleSessionName("ok").durationSeconds(899)))
          .hasMessageContaining("greater than or equal to 900");
      assertThatThrownBy(
              () ->
                  client.assumeRole(
                      r -> r.roleArn(ROLE).roleSessionName("ok").durationSeconds(3601)))
          .hasMessageContaining("MaxSessionDuration");
      assertThatThrownBy(
              () ->
                  client.assumeRole(
                      r ->
                          r.roleArn(ROLE)
                              .roleSessionName("ok")
                              .policyArns(p -> p.arn("not-a-policy-arn-at-all"))))
          .isInstanceOfSatisfying(
              StsException.class,
              e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
      // without DurationSeconds the session lasts an hour
      var answer = client.assumeRole(r -> r.roleArn(ROLE).roleSessionName("ok"));
      assertThat(answer.credentials().accessKeyId()).startsWith("ASIA");
      assertThat(Duration.between(Instant.now(), answer.credentials().expiration()))
          .isBetween(Duration.ofMinutes(58), Duration.ofMinutes(61));
      assertThat(answer.assumedRoleUser().arn()).endsWith(":assumed-role/mgn-install/ok");
    }
    assertThat(sts.assumeRoleCalls())
        .extracting(c -> c.errorCode().orElse("OK"))
        .containsExactly(
            "ValidationError", "ValidationError", "ValidationError", "ValidationError", "OK");
  }
}
