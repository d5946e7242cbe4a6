package dev.mgnagent.testkit.mgn.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/** Reading and validating request members as the service model constrains them. */
final class Fields {
  public static final Pattern SOURCE_SERVER_ID = Pattern.compile("^s-[0-9a-zA-Z]{17}$");
  public static final Pattern TEMPLATE_ID = Pattern.compile("^rct-[0-9a-zA-Z]{17}$");

  /** The model's {@code ApplicationID}: 21 characters, {@code app-[0-9a-zA-Z]{17}}. */
  public static final Pattern APPLICATION_ID = Pattern.compile("^app-[0-9a-zA-Z]{17}$");

  private Fields() {}

  /** The required {@code sourceServerID}, checked against its pattern. */
  public static String sourceServerId(ObjectNode body) {
    JsonNode node = body.get("sourceServerID");
    if (node == null || node.isNull()) {
      throw MgnError.invalidField("sourceServerID", "null", "Member must not be null");
    }
    if (!node.isTextual()) {
      throw MgnError.cannotParse("sourceServerID must be a string.");
    }
    String id = node.asText();
    if (!SOURCE_SERVER_ID.matcher(id).matches()) {
      throw MgnError.invalidField(
          "sourceServerID",
          id,
          "Member must satisfy regular expression pattern: ^s-[0-9a-zA-Z]{17}$");
    }
    return id;
  }

  /** {@code maxResults}: 1 to 1000, {@code dflt} when absent. */
  public static int maxResults(ObjectNode body, int dflt) {
    JsonNode node = body.get("maxResults");
    if (node == null || node.isNull()) {
      return dflt;
    }
    if (!node.isIntegralNumber()) {
      throw MgnError.cannotParse("maxResults must be an integer.");
    }
    long n = node.asLong();
    if (n < 1) {
      throw MgnError.invalidField(
          "maxResults", n, "Member must have value greater than or equal to 1");
    }
    if (n > 1000) {
      throw MgnError.invalidField(
          "maxResults", n, "Member must have value less than or equal to 1000");
    }
    return (int) n;
  }

  /** A list of strings, at most {@code max} long, each matching {@code pattern} when given. */
  public static List<String> strings(
      JsonNode parent, String name, String path, int max, Pattern pattern) {
    JsonNode node = parent == null ? null : parent.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      throw MgnError.cannotParse(path + " must be a list.");
    }
    if (node.size() > max) {
      throw MgnError.invalidField(
          path, node.size() + " items", "Member must have length less than or equal to " + max);
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        throw MgnError.cannotParse(path + " must hold strings.");
      }
      if (pattern != null && !pattern.matcher(item.asText()).matches()) {
        throw MgnError.invalidField(
            path,
            item.asText(),
            "Member must satisfy regular expression pattern: " + pattern.pattern());
      }
      out.add(item.asText());
    }
    return out;
  }

  /** A page of {@code items} from the position the token holds. */
  public static <T> Page<T> page(List<T> items, ObjectNode body, int maxResults) {
    int start = 0;
    JsonNode token = body.get("nextToken");
    if (token != null && !token.isNull() && !token.asText().isEmpty()) {
      start = decodeToken(token.asText());
      if (start > items.size()) {
        start = items.size();
      }
    }
    int end = Math.min(items.size(), start + maxResults);
    String next = end < items.size() ? encodeToken(end) : null;
    return new Page<>(items.subList(start, end), next);
  }

  /** A page and the token of the next one (null on the last page). */
  public record Page<T>(List<T> items, String nextToken) {}

  private static String encodeToken(int position) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("fake-mgn-page:" + position).getBytes(StandardCharsets.UTF_8));
  }

  private static int decodeToken(String token) {
    try {
      if (token.length() > 2048) {
        throw new IllegalArgumentException();
      }
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (!text.startsWith("fake-mgn-page:")) {
        throw new IllegalArgumentException();
      }
      int n = Integer.parseInt(text.substring("fake-mgn-page:".length()));
      if (n < 0) {
        throw new IllegalArgumentException();
      }
      return n;
    } catch (IllegalArgumentException e) {
      throw MgnError.validation("other", "nextToken", "Invalid pagination token.");
    }
  }
}
