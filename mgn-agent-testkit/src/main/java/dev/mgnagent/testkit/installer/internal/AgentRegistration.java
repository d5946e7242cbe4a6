package dev.mgnagent.testkit.installer.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * The fake installer's call to the fake MGN's {@code POST /fake-agent/RegisterAgentForMgn}, signed
 * with SigV4 like any MGN call (the fake's own, clearly marked contract: the real agent API is
 * private).
 */
final class AgentRegistration {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What MGN answered. */
  record Answer(
      int status, String errorCode, String message, String sourceServerId, boolean created) {}

  static Answer register(
      URI endpoint,
      String region,
      String accessKeyId,
      String secret,
      String sessionToken,
      Map<String, Object> registration)
      throws IOException {
    return post(
        endpoint,
        "/fake-agent/RegisterAgentForMgn",
        region,
        accessKeyId,
        secret,
        sessionToken,
        JSON.valueToTree(registration));
  }

  private static Answer post(
      URI endpoint,
      String path,
      String region,
      String accessKeyId,
      String secret,
      String sessionToken,
      ObjectNode body)
      throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    URI uri = URI.create(endpoint.toString().replaceAll("/+$", "") + path);
    SdkHttpFullRequest request =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(uri)
            .putHeader("Content-Type", "application/json")
            .contentStreamProvider(() -> new ByteArrayInputStream(bytes))
            .build();
    AwsCredentials credentials =
        sessionToken == null
            ? AwsBasicCredentials.create(accessKeyId, secret)
            : AwsSessionCredentials.create(accessKeyId, secret, sessionToken);
    SignedRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.identity(credentials)
                        .request(request)
                        .payload(request.contentStreamProvider().orElseThrow())
                        .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "mgn")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region));

    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setConnectTimeout(10_000);
    connection.setReadTimeout(30_000);
    signed
        .request()
        .headers()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> connection.addRequestProperty(name, v));
              }
            });
    connection.setFixedLengthStreamingMode(bytes.length);
    try (OutputStream out = connection.getOutputStream()) {
      out.write(bytes);
    }
    int status = connection.getResponseCode();
    InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
    String text = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    JsonNode answer = text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
    if (status >= 400) {
      String code = connection.getHeaderField("x-amzn-ErrorType");
      code = code == null ? answer.path("__type").asText("") : code.split(":")[0];
      String message = answer.path("message").asText(answer.path("Message").asText(""));
      return new Answer(status, code, message, null, false);
    }
    return new Answer(
        status,
        null,
        null,
        answer.path("sourceServerID").asText(),
        answer.path("created").asBoolean());
  }

  /**
   * The installer's first call, before it downloads anything: {@code POST
   * /fake-agent/GetAgentInstallationAssetsForMgn}, signed with the credentials. Empty when they
   * were taken; else the error code and message.
   */
  static java.util.Optional<String> validate(
      URI endpoint, String region, String accessKeyId, String secret, String sessionToken)
      throws IOException {
    Answer answer =
        post(
            endpoint,
            "/fake-agent/GetAgentInstallationAssetsForMgn",
            region,
            accessKeyId,
            secret,
            sessionToken,
            JSON.createObjectNode());
    return answer.status() >= 400
        ? java.util.Optional.of(answer.errorCode() + ": " + answer.message())
        : java.util.Optional.empty();
  }

  static Map<String, Object> body(
      HostFacts facts,
      List<Map<String, Object>> replicated,
      List<Map<String, Object>> hostDisks,
      Map<String, String> tags,
      String userProvidedId,
      boolean noReplication) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("hostname", facts.hostname());
    body.put("fqdn", facts.fqdn());
    body.put("macAddresses", facts.macAddresses());
    body.put("disks", replicated);
    body.put("hostDisks", hostDisks);
    body.put("tags", tags);
    if (userProvidedId != null) {
      body.put("userProvidedID", userProvidedId);
    }
    body.put("os", facts.os().isEmpty() ? "Linux" : facts.os());
    body.put("cpus", facts.cpus());
    if (facts.ramBytes() > 0) {
      body.put("ramBytes", facts.ramBytes());
    }
    body.put("noReplication", noReplication);
    return body;
  }
}
