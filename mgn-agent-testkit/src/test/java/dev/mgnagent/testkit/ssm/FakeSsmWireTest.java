package dev.mgnagent.testkit.ssm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.CommandInvocation;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InvalidDocumentException;
import software.amazon.awssdk.services.ssm.model.InvalidInstanceIdException;
import software.amazon.awssdk.services.ssm.model.InvalidParametersException;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;
import software.amazon.awssdk.services.ssm.model.SsmException;

/** The fake SSM through the real SDK client: validation, errors, output cuts, eventual reads. */
class FakeSsmWireTest {

  @TempDir java.nio.file.Path temp;
  private FakeSsm ssm;
  private SsmClient client;

  @BeforeEach
  void start() {
    ssm =
        FakeSsm.builder()
            .directory(temp)
            .region("eu-west-3")
            .invocationMissingLookups(2)
            .instance("a")
            .instance("gone", FakeSsmInstanceBuilder::offline)
            .build()
            .start();
    AwsBasicCredentials keys = AwsBasicCredentials.create("AKIAWIRETEST00000001", "wireSecret");
    ssm.addCredentials(keys);
    client =
        SsmClient.builder()
            .region(Region.EU_WEST_3)
            .endpointOverride(ssm.endpoint())
            .credentialsProvider(StaticCredentialsProvider.create(keys))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    ssm.close();
  }

  private SendCommandRequest.Builder send(String... commands) {
    return SendCommandRequest.builder()
        .documentName("AWS-RunShellScript")
        .instanceIds(ssm.instance("a").instanceId())
        .parameters(Map.of("commands", List.of(commands)));
  }

  private static <T> T await(Supplier<T> read, java.util.function.Predicate<T> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (true) {
      T value = read.get();
      if (done.test(value)) {
        return value;
      }
      assertThat(System.nanoTime()).as("not reached in time: " + value).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  void theModelsValidationAndErrorsReachTheSdkAsTypedExceptions() {
    assertThatThrownBy(() -> client.sendCommand(send("true").documentName("AWS-Nope").build()))
        .isInstanceOf(InvalidDocumentException.class);
    assertThatThrownBy(
            () ->
                client.sendCommand(
                    send("true").instanceIds(ssm.instance("gone").instanceId()).build()))
        .isInstanceOf(InvalidInstanceIdException.class);
    assertThatThrownBy(
            () -> client.sendCommand(send("true").parameters(Map.of("nope", List.of("x"))).build()))
        .isInstanceOf(InvalidParametersException.class);
    assertThatThrownBy(() -> client.sendCommand(send("true").timeoutSeconds(10).build()))
        .isInstanceOf(SsmException.class)
        .extracting(e -> ((SsmException) e).awsErrorDetails().errorCode())
        .isEqualTo("ValidationException");
    // a wrong secret is refused by the signature check
    SsmClient wrong =
        SsmClient.builder()
            .region(Region.EU_WEST_3)
            .endpointOverride(ssm.endpoint())
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create("AKIAWIRETEST00000001", "notTheSecret")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    assertThatThrownBy(() -> wrong.listCommands(b -> {}))
        .isInstanceOf(SsmException.class)
        .extracting(e -> ((SsmException) e).awsErrorDetails().errorCode())
        .isEqualTo("InvalidSignatureException");
    wrong.close();
  }

  @Test
  void outputsAreCutAsTheServiceCutsThemAndTheFirstLookupsFindNothing() throws Exception {
    String commandId =
        client
            .sendCommand(
                send(
                        "head -c 30000 /dev/zero | tr '\\0' o",
                        "head -c 9000 /dev/zero | tr '\\0' e >&2",
                        "exit 3")
                    .build())
            .command()
            .commandId();
    String id = ssm.instance("a").instanceId();
    CommandInvocation listed =
        await(
            () ->
                client
                    .listCommandInvocations(b -> b.commandId(commandId).details(true))
                    .commandInvocations()
                    .get(0),
            i -> "Failed".equals(i.statusDetails()));
    assertThat(listed.commandPlugins().get(0).output()).hasSize(2_500);
    assertThat(listed.commandPlugins().get(0).responseCode()).isEqualTo(3);
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(
              () -> client.getCommandInvocation(b -> b.commandId(commandId).instanceId(id)))
          .isInstanceOf(InvocationDoesNotExistException.class);
    }
    GetCommandInvocationResponse got =
        client.getCommandInvocation(b -> b.commandId(commandId).instanceId(id));
    assertThat(got.statusDetails()).isEqualTo("Failed");
    assertThat(got.responseCode()).isEqualTo(3);
    assertThat(got.standardOutputContent()).hasSize(24_000);
    assertThat(got.standardErrorContent()).hasSize(8_000);
    assertThat(client.listCommands(b -> b.commandId(commandId)).commands().get(0).errorCount())
        .isEqualTo(1);
  }
}
