package dev.mgnagent.testkit.mgn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.InternalServerException;
import software.amazon.awssdk.services.mgn.model.MgnException;
import software.amazon.awssdk.services.mgn.model.ThrottlingException;

class FakeMgnErrorsTest {
  private FakeMgn mgn;
  private MgnClient client;

  @BeforeEach
  void start() {
    mgn = FakeMgn.builder().initialized(true).build().start();
    client = Clients.noRetry(mgn);
  }

  @AfterEach
  void stop() {
    client.close();
    mgn.close();
  }

  @ParameterizedTest(name = "{0} arrives as its modelled exception with status {1}")
  @CsvSource({
    "ValidationException, 400",
    "UninitializedAccountException, 400",
    "ServiceQuotaExceededException, 402",
    "AccessDeniedException, 403",
    "ResourceNotFoundException, 404",
    "ConflictException, 409",
    "ThrottlingException, 429",
    "InternalServerException, 500"
  })
  void everyModelledErrorArrivesAsItsExceptionClass(String code, int status) throws Exception {
    Class<?> type = Class.forName("software.amazon.awssdk.services.mgn.model." + code);
    mgn.failNext("DescribeSourceServers", 1, status, code);

    assertThatThrownBy(() -> client.describeSourceServers(r -> {}))
        .isExactlyInstanceOf(type)
        .isInstanceOfSatisfying(
            MgnException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(status);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
              assertThat(e.awsErrorDetails().errorMessage())
                  .isEqualTo("Injected fault: " + code + " on DescribeSourceServers");
            });
    assertThat(client.describeSourceServers(r -> {}).items()).isEmpty();
  }

  @Test
  void injectedErrorCanCarryTheRealServicesMessage() {
    mgn.failNext(
        "InitializeService",
        1,
        400,
        "ValidationException",
        "Failed to create SLR or instance profiles");

    assertThatThrownBy(() -> client.initializeService(r -> {}))
        .isInstanceOfSatisfying(
            software.amazon.awssdk.services.mgn.model.ValidationException.class,
            e ->
                assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("Failed to create SLR or instance profiles"));
  }

  @Test
  void throttlingCarriesRetryAfter() {
    mgn.throttleNext("DescribeSourceServers", 1, 7);

    assertThatThrownBy(() -> client.describeSourceServers(r -> {}))
        .isInstanceOfSatisfying(
            ThrottlingException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(429);
              assertThat(e.retryAfterSeconds()).isEqualTo("7");
            });
  }

  @Test
  void failNextWithA429SendsRetryAfterToo() {
    mgn.failNext("InitializeService", 1, 429, "ThrottlingException");

    assertThatThrownBy(() -> client.initializeService(r -> {}))
        .isInstanceOfSatisfying(
            ThrottlingException.class, e -> assertThat(e.retryAfterSeconds()).isEqualTo("1"));
  }

  @Test
  void faultsHitOnlyTheirOperationAndOnlyAsOftenAsAsked() {
    mgn.failNext("MarkAsArchived", 2, 500, "InternalServerException");

    assertThat(client.describeSourceServers(r -> {}).items()).isEmpty();
    String id =
        mgn.addSourceServer(
            s ->
                s.lifeCycleState(
                    software.amazon.awssdk.services.mgn.model.LifeCycleState.DISCONNECTED));
    assertThatThrownBy(() -> client.markAsArchived(r -> r.sourceServerID(id)))
        .isInstanceOf(InternalServerException.class);
    assertThatThrownBy(() -> client.markAsArchived(r -> r.sourceServerID(id)))
        .isInstanceOf(InternalServerException.class);
    assertThat(client.markAsArchived(r -> r.sourceServerID(id)).isArchived()).isTrue();
  }

  @Test
  void sdkRetriesServerErrorsAndEachAttemptConsumesAFault() {
    mgn.failNext("*", 2, 500, "InternalServerException");

    try (MgnClient retrying = mgn.newClient()) {
      assertThat(retrying.describeSourceServers(r -> {}).items()).isEmpty();
    }

    assertThat(mgn.requests()).extracting(RecordedRequest::status).containsExactly(500, 500, 200);
    assertThat(mgn.requests())
        .extracting(RecordedRequest::errorCode)
        .containsExactly("InternalServerException", "InternalServerException", null);
  }

  @Test
  void faultsComeAfterTheSignatureCheck() {
    mgn.failNext("*", 1, 500, "InternalServerException");
    software.amazon.awssdk.auth.credentials.AwsBasicCredentials stranger =
        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
            "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    try (MgnClient unknown = Clients.noRetry(mgn, stranger)) {
      assertThatThrownBy(() -> unknown.describeSourceServers(r -> {}))
          .isInstanceOfSatisfying(
              MgnException.class,
              e ->
                  assertThat(e.awsErrorDetails().errorCode())
                      .isEqualTo("UnrecognizedClientException"));
    }
    assertThatThrownBy(() -> client.describeSourceServers(r -> {}))
        .isInstanceOf(InternalServerException.class);
  }
}
