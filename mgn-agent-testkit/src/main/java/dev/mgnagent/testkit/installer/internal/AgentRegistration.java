package dev.mgnagent.testkit.installer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fake installer's call to the fake MGN's {@code POST /fake-agent/RegisterAgentForMgn}, signed
 * with SigV4 like any MGN call (the fake's own, clearly marked contract: the real agent API is
 * private).
 */
final class AgentRegistration {

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
        registration);
  }

  private static Answer post(
      URI endpoint,
      String path,
      String region,
      String accessKeyId,
      String secret,
      String sessionToken,
      Map<String, Object> body)
      throws IOException {
    byte[] bytes = MiniJson.write(body).getBytes(StandardCharsets.UTF_8);
    URI uri = URI.create(endpoint.toString().replaceAll("/+$", "") + path);
    Map<String, String> headers =
        SigV4Signer.sign(
            uri,
            "application/json",
            bytes,
            region,
            "mgn",
            accessKeyId,
            secret,
            sessionToken,
            Instant.now());

    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setConnectTimeout(10_000);
    connection.setReadTimeout(30_000);
    headers.forEach(connection::addRequestProperty);
    connection.setFixedLengthStreamingMode(bytes.length);
    try (OutputStream out = connection.getOutputStream()) {
      out.write(bytes);
    }
    int status = connection.getResponseCode();
    InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
    String text = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    Object answer;
    try {
      answer = text.isBlank() ? Map.of() : MiniJson.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IOException("MGN's answer (HTTP " + status + ") is not JSON: " + e.getMessage());
    }
    if (status >= 400) {
      String code = connection.getHeaderField("x-amzn-ErrorType");
      code = code == null ? MiniJson.string(answer, "__type", "") : code.split(":")[0];
      String message = MiniJson.string(answer, "message", MiniJson.string(answer, "Message", ""));
      return new Answer(status, code, message, null, false);
    }
    return new Answer(
        status,
        null,
        null,
        MiniJson.string(answer, "sourceServerID", ""),
        Boolean.parseBoolean(MiniJson.string(answer, "created", "false")));
  }

  /**
   * The installer's first call, before it downloads anything: {@code POST
   * /fake-agent/GetAgentInstallationAssetsForMgn}, signed with the credentials. Empty when they
   * were taken; else the error code and message.
   */
  static Optional<String> validate(
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
            Map.of());
    return answer.status() >= 400
        ? Optional.of(answer.errorCode() + ": " + answer.message())
        : Optional.empty();
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
