package dev.mgnagent.testkit.mgn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.mgn.MgnClient;
import software.amazon.awssdk.services.mgn.model.AccessDeniedException;
import software.amazon.awssdk.services.mgn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.mgn.model.ValidationException;

class FakeMgnTagsTest {
  private FakeMgn mgn;
  private MgnClient client;
  private String id;
  private String arn;

  @BeforeEach
  void start() {
    mgn = FakeMgn.builder().initialized(true).build().start();
    client = Clients.noRetry(mgn);
    id = mgn.addSourceServer(s -> s.tag("team", "blue"));
    arn = mgn.sourceServer(id).orElseThrow().arn();
  }

  @AfterEach
  void stop() {
    client.close();
    mgn.close();
  }

  @Test
  void tagsRoundTripThroughAnArnWithColonsAndSlashesAndKeysWithPlusAndSpace() {
    assertThat(arn).contains(":", "/");

    client.tagResource(r -> r.resourceArn(arn).tags(Map.of("cost center", "42", "a+b", "x y")));

    assertThat(client.listTagsForResource(r -> r.resourceArn(arn)).tags())
        .isEqualTo(Map.of("team", "blue", "cost center", "42", "a+b", "x y"));
    assertThat(mgn.sourceServer(id).orElseThrow().tags()).containsEntry("a+b", "x y");

    client.untagResource(r -> r.resourceArn(arn).tagKeys("a+b", "cost center"));

    assertThat(client.listTagsForResource(r -> r.resourceArn(arn)).tags())
        .isEqualTo(Map.of("team", "blue"));
    RecordedRequest untag =
        mgn.requests().stream()
            .filter(r -> "UntagResource".equals(r.operation()))
            .findFirst()
            .orElseThrow();
    assertThat(untag.method()).isEqualTo("DELETE");
    assertThat(untag.rawPath())
        .startsWith("/tags/arn%3Aaws%3Amgn%3Aus-east-1%3A")
        .endsWith("source-server%2F" + id);
    assertThat(untag.rawQuery()).contains("tagKeys=a%2Bb").contains("tagKeys=cost%20center");
  }

  @Test
  void plusInAQueryIsAPlusNotASpace() {
    client.tagResource(r -> r.resourceArn(arn).tags(Map.of("a b", "space", "a+b", "plus")));

    client.untagResource(r -> r.resourceArn(arn).tagKeys("a+b"));

    assertThat(client.listTagsForResource(r -> r.resourceArn(arn)).tags())
        .containsOnlyKeys("team", "a b");
  }

  @Test
  void templatesCanBeTaggedToo() {
    String templateArn =
        client.describeReplicationConfigurationTemplates(r -> {}).items().get(0).arn();

    client.tagResource(r -> r.resourceArn(templateArn).tags(Map.of("k", "v")));

    assertThat(client.describeReplicationConfigurationTemplates(r -> {}).items().get(0).tags())
        .isEqualTo(Map.of("k", "v"));
  }

  @Test
  void unknownResourceIsNotFound() {
    String missing = "arn:aws:mgn:us-east-1:111122223333:source-server/s-0123456789abcdef0";
    assertThatThrownBy(() -> client.listTagsForResource(r -> r.resourceArn(missing)))
        .isInstanceOfSatisfying(
            ResourceNotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
  }

  @Test
  void awsPrefixedKeysAreRefused() {
    assertThatThrownBy(
            () -> client.tagResource(r -> r.resourceArn(arn).tags(Map.of("aws:owner", "x"))))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void installerKeysMayNotCallTagResourceOutsideRegistration() {
    try (MgnClient installer = Clients.noRetry(mgn, mgn.installerCredentials())) {
      assertThatThrownBy(
              () -> installer.tagResource(r -> r.resourceArn(arn).tags(Map.of("k", "v"))))
          .isInstanceOfSatisfying(
              AccessDeniedException.class,
              e ->
                  assertThat(e.awsErrorDetails().errorMessage())
                      .contains("mgn:TagResource on resource: " + arn));
    }
  }
}
