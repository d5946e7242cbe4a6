package dev.mgnagent.testkit.mgn.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code TagResource}, {@code UntagResource} and {@code ListTagsForResource} on {@code
 * /tags/{arn}}.
 */
final class TagOperations {
  private final MgnState state;

  public TagOperations(MgnState state) {
    this.state = state;
  }

  private static String arn(Call call) {
    String arn = call.pathParameter();
    if (arn.length() < 20 || arn.length() > 2048) {
      throw MgnError.invalidField(
          "resourceArn", arn, "Member must have length between 20 and 2048");
    }
    return arn;
  }

  /** {@code GET /tags/{resourceArn}}. */
  public Reply list(Call call) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    ObjectNode tags = out.putObject("tags");
    state.tags(arn(call)).forEach(tags::put);
    return Reply.json(out);
  }

  /** {@code POST /tags/{resourceArn}} with {@code {"tags":{...}}}. */
  public Reply tag(Call call) {
    String arn = arn(call);
    JsonNode node = call.body().get("tags");
    if (node == null || node.isNull()) {
      throw MgnError.invalidField("tags", "null", "Member must not be null");
    }
    if (!node.isObject()) {
      throw MgnError.cannotParse("tags must be an object.");
    }
    if (node.size() > 50) {
      throw MgnError.invalidField(
          "tags", node.size() + " tags", "Member must have length less than or equal to 50");
    }
    Map<String, String> tags = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      checkKey(e.getKey(), "tags");
      if (!e.getValue().isTextual()) {
        throw MgnError.cannotParse("tag values must be strings.");
      }
      if (e.getValue().asText().length() > 256) {
        throw MgnError.invalidField(
            "tags", e.getValue().asText(), "Tag values must have length less than or equal to 256");
      }
      tags.put(e.getKey(), e.getValue().asText());
    }
    state.tag(arn, tags);
    return Reply.empty(200);
  }

  /** {@code DELETE /tags/{resourceArn}?tagKeys=a&tagKeys=b}. */
  public Reply untag(Call call) {
    String arn = arn(call);
    List<String> keys = call.query().get("tagKeys");
    if (keys == null || keys.isEmpty()) {
      throw MgnError.invalidField("tagKeys", "null", "Member must not be null");
    }
    if (keys.size() > 50) {
      throw MgnError.invalidField(
          "tagKeys", keys.size() + " keys", "Member must have length less than or equal to 50");
    }
    keys.forEach(k -> checkKey(k, "tagKeys"));
    state.untag(arn, keys);
    return Reply.empty(200);
  }

  private static void checkKey(String key, String field) {
    if (key.isEmpty() || key.length() > 128) {
      throw MgnError.invalidField(field, key, "Tag keys must have length between 1 and 128");
    }
    if (key.startsWith("aws:")) {
      throw MgnError.invalidField(field, key, "Tag keys must not start with 'aws:'");
    }
  }
}
