package dev.mgnagent.testkit.mgn.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.mgnagent.testkit.aws.internal.AuthFailure;
import dev.mgnagent.testkit.aws.internal.IncomingRequest;
import dev.mgnagent.testkit.aws.internal.KeyRing;
import dev.mgnagent.testkit.aws.internal.Percent;
import dev.mgnagent.testkit.aws.internal.SigV4Verifier;
import dev.mgnagent.testkit.mgn.RecordedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The request pipeline: read the request, verify its signature, find the operation, apply a queued
 * fault, check the key's allowed actions, require an initialized account, run the operation,
 * answer, and record what happened (secrets masked).
 */
public final class MgnHttpHandler implements HttpHandler {
  /**
   * The tag operations, for which the model declares no {@code UninitializedAccountException}
   * (https://github.com/boto/botocore/blob/develop/botocore/data/mgn/2020-02-26/service-2.json).
   */
  private static final java.util.Set<String> TAG_OPERATIONS =
      java.util.Set.of("TagResource", "UntagResource", "ListTagsForResource");

  private static final int MAX_BODY = 4 << 20;

  /** At most this many requests are kept; older ones are dropped first. */
  public static final int MAX_RECORDED = 10_000;

  private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/");

  private final MgnState state;
  private final SigV4Verifier verifier;
  private final Routes routes;
  private final Faults faults;
  private final Deque<RecordedRequest> recorded = new ArrayDeque<>();

  public MgnHttpHandler(MgnState state, SigV4Verifier verifier, Routes routes, Faults faults) {
    this.state = state;
    this.verifier = verifier;
    this.routes = routes;
    this.faults = faults;
  }

  /** The recorded requests, oldest first. */
  public List<RecordedRequest> recorded() {
    synchronized (recorded) {
      return List.copyOf(recorded);
    }
  }

  /** Forgets the recorded requests. */
  public void clearRecorded() {
    synchronized (recorded) {
      recorded.clear();
    }
  }

  private void record(RecordedRequest request) {
    synchronized (recorded) {
      if (recorded.size() >= MAX_RECORDED) {
        recorded.removeFirst();
      }
      recorded.addLast(request);
    }
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      IncomingRequest request;
      try {
        request = read(exchange);
      } catch (IOException e) {
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      String operation = null;
      int status;
      String errorCode = null;
      JsonNode body;
      Map<String, String> headers = new LinkedHashMap<>();
      try {
        Routes.Route route = null;
        MgnError routeError = null;
        try {
          route = routes.match(request.method(), request.rawPath());
          operation = route.operation();
        } catch (MgnError e) {
          routeError = e;
        }
        KeyRing.Principal principal;
        try {
          principal = verifier.verify(request);
        } catch (AuthFailure e) {
          throw MgnError.of(e);
        }
        if (routeError != null) {
          throw routeError;
        }
        boolean drop;
        try {
          drop = faults.apply(operation);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          drop = true;
        }
        if (drop) {
          record(
              new RecordedRequest(
                  request.method(),
                  request.rawPath(),
                  request.rawQuery(),
                  operation,
                  accessKeyIdOf(request),
                  0,
                  "DroppedConnection",
                  masked(request.headers()),
                  new String(request.body(), StandardCharsets.UTF_8)));
          // closing the exchange before any response header closes the connection unanswered
          return;
        }
        authorize(principal, route);
        if (!operation.equals("InitializeService")
            && !state.isInitialized()
            && (state.tagOperationsNeedInitialization() || !TAG_OPERATIONS.contains(operation))) {
          throw MgnError.uninitialized();
        }
        Map<String, List<String>> query = Percent.parseQuery(request.rawQuery());
        Call call =
            new Call(
                request,
                WireJson.parseBody(request.body()),
                route.pathParameter(),
                query,
                principal);
        Reply reply = route.handler().handle(call);
        status = reply.status();
        body = reply.body();
      } catch (MgnError e) {
        status = e.status();
        errorCode = e.code();
        body = e.body();
        headers.putAll(e.headers());
        headers.put("x-amzn-ErrorType", e.code());
      } catch (RuntimeException e) {
        status = 500;
        errorCode = "InternalServerException";
        body =
            new MgnError(
                    500,
                    errorCode,
                    "The fake MGN failed: " + e.getClass().getSimpleName() + ": " + e.getMessage())
                .body();
        headers.put("x-amzn-ErrorType", errorCode);
      }
      // recorded before answering, so that a caller sees its request once it has the answer
      record(
          new RecordedRequest(
              request.method(),
              request.rawPath(),
              request.rawQuery(),
              operation,
              accessKeyIdOf(request),
              status,
              errorCode,
              masked(request.headers()),
              new String(request.body(), StandardCharsets.UTF_8)));
      send(exchange, status, body, headers);
    }
  }

  private void authorize(KeyRing.Principal principal, Routes.Route route) {
    String action = "mgn:" + route.operation();
    if (!principal.isAllowed(action, null)) {
      String resource =
          route.pathParameter() != null
              ? route.pathParameter()
              : "arn:aws:mgn:" + state.region() + ":" + state.accountId() + ":*";
      throw MgnError.accessDenied(
          "User: "
              + principal.arn()
              + " is not authorized to perform: "
              + action
              + " on resource: "
              + resource
              + " because no identity-based policy allows the "
              + action
              + " action");
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
      body = in.readNBytes(MAX_BODY + 1);
    }
    if (body.length > MAX_BODY) {
      throw new IOException("request body too large");
    }
    return new IncomingRequest(
        exchange.getRequestMethod(),
        exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery(),
        headers,
        body);
  }

  private static void send(
      HttpExchange exchange, int status, JsonNode body, Map<String, String> headers)
      throws IOException {
    exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    if (body == null) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    byte[] bytes;
    try {
      bytes = WireJson.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IOException(e);
    }
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String accessKeyIdOf(IncomingRequest request) {
    String authorization = request.header("authorization");
    if (authorization == null) {
      return null;
    }
    Matcher m = CREDENTIAL.matcher(authorization);
    return m.find() ? m.group(1) : null;
  }

  private static Map<String, List<String>> masked(Map<String, List<String>> headers) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    headers.forEach(
        (name, values) -> {
          boolean secret = name.equals("authorization") || name.equals("x-amz-security-token");
          out.put(name, secret ? values.stream().map(v -> "****").toList() : List.copyOf(values));
        });
    return out;
  }
}
