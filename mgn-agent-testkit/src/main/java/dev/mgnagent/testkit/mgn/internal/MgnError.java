package dev.mgnagent.testkit.mgn.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answer exactly as MGN sends it: an HTTP status, the error code in the {@code
 * x-amzn-ErrorType} header, and a JSON body with {@code message} and the exception's other members.
 * Thrown by handlers and turned into a response by {@link MgnHttpHandler}.
 */
final class MgnError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final ObjectNode body;
  private final Map<String, String> headers = new LinkedHashMap<>();

  public MgnError(int status, String code, String message) {
    super(code + ": " + message, null, false, false);
    this.status = status;
    this.code = code;
    this.body = JsonNodeFactory.instance.objectNode();
    body.put("message", message);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** The JSON body; callers may add the exception's members. */
  public ObjectNode body() {
    return body;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public MgnError header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** 400 {@code ValidationException} with {@code reason} and one {@code fieldList} entry. */
  public static MgnError validation(String reason, String field, String message) {
    MgnError e = new MgnError(400, "ValidationException", message);
    e.body.put("code", "ValidationException");
    e.body.put("reason", reason);
    if (field != null) {
      ObjectNode f = e.body.putArray("fieldList").addObject();
      f.put("name", field);
      f.put("message", message);
    }
    return e;
  }

  /** A field that fails its model constraint, worded as AWS words it. */
  public static MgnError invalidField(String field, Object value, String constraint) {
    return validation(
        "fieldValidationFailed",
        field,
        "1 validation error detected: Value '"
            + value
            + "' at '"
            + field
            + "' failed to satisfy constraint: "
            + constraint);
  }

  public static MgnError cannotParse(String message) {
    return validation("cannotParse", null, message);
  }

  public static MgnError uninitialized() {
    MgnError e =
        new MgnError(
            400,
            "UninitializedAccountException",
            "Account is not initialized. Call InitializeService first.");
    e.body.put("code", "UninitializedAccountException");
    return e;
  }

  public static MgnError notFound(String resourceType, String resourceId, String message) {
    MgnError e = new MgnError(404, "ResourceNotFoundException", message);
    e.body.put("code", "ResourceNotFoundException");
    e.body.put("resourceId", resourceId);
    e.body.put("resourceType", resourceType);
    return e;
  }

  public static MgnError conflict(String resourceType, String resourceId, String message) {
    MgnError e = new MgnError(409, "ConflictException", message);
    e.body.put("code", "ConflictException");
    e.body.put("resourceId", resourceId);
    e.body.put("resourceType", resourceType);
    return e;
  }

  public static MgnError accessDenied(String message) {
    MgnError e = new MgnError(403, "AccessDeniedException", message);
    e.body.put("code", "AccessDeniedException");
    return e;
  }

  public static MgnError invalidSignature(String message) {
    return new MgnError(403, "InvalidSignatureException", message);
  }

  public static MgnError unrecognizedClient() {
    return new MgnError(
        403,
        "UnrecognizedClientException",
        "The security token included in the request is invalid.");
  }

  public static MgnError incompleteSignature(String message) {
    return new MgnError(400, "IncompleteSignatureException", message);
  }

  /** The authentication failure in MGN's words (its REST-JSON error codes). */
  static MgnError of(dev.mgnagent.testkit.aws.internal.AuthFailure failure) {
    switch (failure.kind()) {
      case MISSING_TOKEN:
        return new MgnError(403, "MissingAuthenticationTokenException", failure.getMessage());
      case INCOMPLETE_SIGNATURE:
        return incompleteSignature(failure.getMessage());
      case UNRECOGNIZED_CLIENT:
        return new MgnError(403, "UnrecognizedClientException", failure.getMessage());
      case EXPIRED_TOKEN:
        return new MgnError(403, "ExpiredTokenException", failure.getMessage());
      default:
        return invalidSignature(failure.getMessage());
    }
  }

  public static MgnError unknownOperation(String method, String path) {
    return new MgnError(
        404, "UnknownOperationException", "No operation matches " + method + " " + path);
  }
}
