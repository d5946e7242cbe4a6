package dev.mgnagent.testkit.aws.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mgnagent.testkit.internal.LoopbackHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server for an AWS service that speaks a form-encoded protocol ({@code query}:
 * IAM, STS; {@code ec2}): {@code POST /} with {@code Action=...&Version=...}, SigV4 verified with
 * the {@link KeyRing}, one handler per action, XML answers. Errors are written as the protocol
 * writes them: {@code <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>} for
 * {@code query}, {@code <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/>}
 * for {@code ec2}.
 */
public final class QueryServer implements AutoCloseable {
  private static final int MAX_BODY = 1 << 20;

  /** One action: the form parameters and the caller in, the XML body of the result out. */
  public interface Action {
    /** The inner XML of the answer (without the {@code <XResponse>} wrapper), or a QueryError. */
    String handle(Map<String, String> parameters, KeyRing.Principal caller);
  }

  /** How a service names the authentication failures, and whether it is the EC2 protocol. */
  public record Dialect(String service, String version, String xmlNamespace, boolean ec2) {}

  private final Dialect dialect;
  private final SigV4Verifier verifier;
  private final Map<String, Action> actions;
  private final HttpServer server;
  private final ExecutorService executor;

  private QueryServer(
      Dialect dialect, SigV4Verifier verifier, Map<String, Action> actions, int port) {
    this.dialect = dialect;
    this.verifier = verifier;
    this.actions = Map.copyOf(actions);
    try {
      server = LoopbackHttpServer.create(port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
    executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "fake-" + dialect.service());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * Starts serving on 127.0.0.1.
   *
   * @param signingRegion the region requests must be signed for
   */
  public static QueryServer start(
      Dialect dialect,
      String signingRegion,
      Clock clock,
      KeyRing keys,
      Map<String, Action> actions,
      int port) {
    return new QueryServer(
        dialect, new SigV4Verifier(signingRegion, dialect.service(), clock, keys), actions, port);
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String requestId = UUID.randomUUID().toString();
      int status = 200;
      String xml;
      try {
        IncomingRequest request = read(exchange);
        KeyRing.Principal caller;
        try {
          caller = verifier.verify(request);
        } catch (AuthFailure e) {
          throw authError(e);
        }
        if (!request.method().equals("POST") || !request.rawPath().equals("/")) {
          throw new QueryError(
              400,
              "InvalidAction",
              "Could not find operation " + request.method() + " " + request.rawPath());
        }
        Map<String, String> parameters = form(new String(request.body(), StandardCharsets.UTF_8));
        String name = parameters.getOrDefault("Action", "");
        Action action = actions.get(name);
        if (action == null) {
          throw new QueryError(
              400,
              "InvalidAction",
              "Could not find operation "
                  + name
                  + " for version "
                  + parameters.getOrDefault("Version", "NO_VERSION_SPECIFIED"));
        }
        if (!dialect.version().equals(parameters.get("Version"))) {
          throw new QueryError(
              400,
              "InvalidParameterValue",
              "Version '" + parameters.get("Version") + "' is not " + dialect.version());
        }
        String inner = action.handle(parameters, caller);
        xml = success(name, inner, requestId);
      } catch (QueryError e) {
        status = e.status();
        xml = error(e, requestId);
      } catch (IllegalArgumentException e) {
        status = 400;
        xml =
            error(
                new QueryError(
                    400, dialect.ec2() ? "InvalidParameterValue" : "InvalidInput", e.getMessage()),
                requestId);
      } catch (RuntimeException e) {
        status = 500;
        xml =
            error(
                new QueryError(
                    500,
                    dialect.ec2() ? "InternalError" : "ServiceFailure",
                    "The fake " + dialect.service() + " failed: " + e),
                requestId);
      }
      byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/xml");
      exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private QueryError authError(AuthFailure e) {
    if (dialect.ec2()) {
      // EC2 answers AuthFailure for an unknown key and for a bad signature alike; its answer to an
      // expired session token was not checked, so AuthFailure stands for that too
      return new QueryError(
          401, "AuthFailure", "AWS was not able to validate the provided access credentials");
    }
    switch (e.kind()) {
      case MISSING_TOKEN:
        return new QueryError(403, "MissingAuthenticationToken", e.getMessage());
      case INCOMPLETE_SIGNATURE:
        return new QueryError(400, "IncompleteSignature", e.getMessage());
      case UNRECOGNIZED_CLIENT:
        return new QueryError(403, "InvalidClientTokenId", e.getMessage());
      case EXPIRED_TOKEN:
        return new QueryError(403, "ExpiredToken", e.getMessage());
      default:
        return new QueryError(403, "SignatureDoesNotMatch", e.getMessage());
    }
  }

  private String success(String action, String inner, String requestId) {
    if (dialect.ec2()) {
      // the ec2 protocol has no <XResult> wrapper: members sit right under <XResponse>
      return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<"
          + action
          + "Response xmlns=\""
          + dialect.xmlNamespace()
          + "/\"><requestId>"
          + requestId
          + "</requestId>"
          + inner
          + "</"
          + action
          + "Response>";
    }
    String result =
        inner == null ? "" : "<" + action + "Result>" + inner + "</" + action + "Result>";
    return "<"
        + action
        + "Response xmlns=\""
        + dialect.xmlNamespace()
        + "\">"
        + result
        + "<ResponseMetadata><RequestId>"
        + requestId
        + "</RequestId></ResponseMetadata></"
        + action
        + "Response>";
  }

  private String error(QueryError e, String requestId) {
    if (dialect.ec2()) {
      return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>"
          + Xml.escape(e.code())
          + "</Code><Message>"
          + Xml.escape(e.getMessage())
          + "</Message></Error></Errors><RequestID>"
          + requestId
          + "</RequestID></Response>";
    }
    return "<ErrorResponse xmlns=\""
        + dialect.xmlNamespace()
        + "\"><Error><Type>"
        + (e.status() >= 500 ? "Receiver" : "Sender")
        + "</Type><Code>"
        + Xml.escape(e.code())
        + "</Code><Message>"
        + Xml.escape(e.getMessage())
        + "</Message></Error><RequestId>"
        + requestId
        + "</RequestId></ErrorResponse>";
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
      throw new QueryError(413, "RequestEntityTooLarge", "request body too large");
    }
    return new IncomingRequest(
        exchange.getRequestMethod(),
        exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery(),
        headers,
        body);
  }

  /** Decodes an {@code application/x-www-form-urlencoded} body; the last value of a name wins. */
  static Map<String, String> form(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    Percent.parseQuery(body.isEmpty() ? null : body.replace("+", "%20"))
        .forEach((k, v) -> out.put(k, v.isEmpty() ? "" : v.get(v.size() - 1)));
    return out;
  }
}
