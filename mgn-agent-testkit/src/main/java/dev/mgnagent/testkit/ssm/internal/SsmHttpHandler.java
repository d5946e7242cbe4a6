package dev.mgnagent.testkit.ssm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.mgnagent.testkit.aws.internal.AuthFailure;
import dev.mgnagent.testkit.aws.internal.IncomingRequest;
import dev.mgnagent.testkit.aws.internal.SigV4Verifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON 1.1 wire of the fake: {@code POST /} with {@code X-Amz-Target: AmazonSSM.<Operation>},
 * SigV4 verified, answers {@code application/x-amz-json-1.1} with {@code x-amzn-RequestId}, errors
 * as {@code {"__type": code, "message": text}}. Records every exchange.
 */
public final class SsmHttpHandler implements HttpHandler {

  private static final String PREFIX = "AmazonSSM.";
  private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
  private static final int MAX_BODY = 1 << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One request and its answer, as they went over the wire. */
  public record Exchange(String operation, int status, String request, String response) {}

  private final SsmService service;
  private final SigV4Verifier verifier;
  private final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());

  public SsmHttpHandler(SsmService service, SigV4Verifier verifier) {
    this.service = service;
    this.verifier = verifier;
  }

  /** Every exchange so far. */
  public List<Exchange> exchanges() {
    synchronized (exchanges) {
      return List.copyOf(exchanges);
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      IncomingRequest request = read(exchange);
      String target = request.header("x-amz-target");
      String operation =
          target != null && target.startsWith(PREFIX) ? target.substring(PREFIX.length()) : null;
      int status = 200;
      JsonNode answer;
      try {
        if (!request.method().equals("POST") || !request.rawPath().equals("/")) {
          throw new SsmError(404, "UnknownOperationException", "POST / only");
        }
        if (operation == null) {
          throw SsmError.of("UnknownOperationException", "missing or unknown X-Amz-Target");
        }
        try {
          verifier.verify(request);
        } catch (AuthFailure e) {
          throw authError(e);
        }
        JsonNode body;
        try {
          body =
              request.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(request.body());
        } catch (IOException e) {
          throw SsmError.of("SerializationException", "the body is not JSON");
        }
        answer = service.call(operation, body);
      } catch (SsmError e) {
        status = e.status();
        ObjectNode error = JSON.createObjectNode();
        error.put("__type", e.code());
        if (e.getMessage() != null) {
          error.put("message", e.getMessage());
        }
        answer = error;
        exchange.getResponseHeaders().set("x-amzn-ErrorType", e.code());
      }
      byte[] bytes = JSON.writeValueAsBytes(answer);
      exchanges.add(
          new Exchange(
              operation,
              status,
              new String(request.body(), StandardCharsets.UTF_8),
              new String(bytes, StandardCharsets.UTF_8)));
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static SsmError authError(AuthFailure e) {
    switch (e.kind()) {
      case MISSING_TOKEN:
        return new SsmError(400, "MissingAuthenticationTokenException", e.getMessage());
      case INCOMPLETE_SIGNATURE:
        return new SsmError(400, "IncompleteSignatureException", e.getMessage());
      case UNRECOGNIZED_CLIENT:
        return new SsmError(400, "UnrecognizedClientException", e.getMessage());
      case EXPIRED_TOKEN:
        return new SsmError(400, "ExpiredTokenException", e.getMessage());
      default:
        return new SsmError(400, "InvalidSignatureException", e.getMessage());
    }
  }

  private static IncomingRequest read(HttpExchange exchange) throws IOException {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) ->
                headers
                    .computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .addAll(values));
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BODY);
    }
    return new IncomingRequest(
        exchange.getRequestMethod(),
        exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery(),
        headers,
        body);
  }
}
