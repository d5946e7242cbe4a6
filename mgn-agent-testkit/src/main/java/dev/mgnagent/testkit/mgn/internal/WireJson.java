package dev.mgnagent.testkit.mgn.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * REST-JSON bodies. Responses are written from the SDK's own model objects (the fake keeps its
 * state as {@code SourceServer}, {@code ReplicationConfigurationTemplate}, ... values), using the
 * wire names the service model gives each member, so the JSON is exactly what the SDK reads. Unset
 * members are left out, as the service leaves them out.
 */
final class WireJson {
  public static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private WireJson() {}

  /** Parses a request body; an empty body is an empty object. */
  public static ObjectNode parseBody(byte[] body) {
    if (body.length == 0) {
      return NODES.objectNode();
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (IOException e) {
      throw MgnError.cannotParse("Could not parse the request body as JSON.");
    }
    if (!(node instanceof ObjectNode object)) {
      throw MgnError.cannotParse("The request body must be a JSON object.");
    }
    return object;
  }

  /** The model object as JSON. */
  public static ObjectNode toJson(SdkPojo pojo) {
    ObjectNode out = NODES.objectNode();
    for (SdkField<?> field : pojo.sdkFields()) {
      if (field.location() != MarshallLocation.PAYLOAD) {
        continue;
      }
      JsonNode value = valueToJson(field.getValueOrDefault(pojo));
      if (value != null) {
        out.set(field.locationName(), value);
      }
    }
    return out;
  }

  /** A list of model objects as a JSON array. */
  public static ArrayNode toJsonArray(List<? extends SdkPojo> pojos) {
    ArrayNode array = NODES.arrayNode();
    pojos.forEach(p -> array.add(toJson(p)));
    return array;
  }

  private static JsonNode valueToJson(Object value) {
    if (value == null
        || value instanceof SdkAutoConstructList<?>
        || value instanceof SdkAutoConstructMap<?, ?>) {
      return null;
    }
    if (value instanceof SdkPojo pojo) {
      return toJson(pojo);
    }
    if (value instanceof String s) {
      return NODES.textNode(s);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (value instanceof Double d) {
      return NODES.numberNode(d);
    }
    if (value instanceof Float f) {
      return NODES.numberNode(f);
    }
    if (value instanceof BigDecimal d) {
      return NODES.numberNode(d);
    }
    if (value instanceof Instant t) {
      return NODES.numberNode(BigDecimal.valueOf(t.toEpochMilli()).movePointLeft(3));
    }
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode();
      for (Object item : list) {
        JsonNode node = valueToJson(item);
        array.add(node == null ? NODES.nullNode() : node);
      }
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      map.forEach(
          (k, v) -> {
            JsonNode node = valueToJson(v);
            if (node != null) {
              object.set(String.valueOf(k), node);
            }
          });
      return object;
    }
    throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
  }
}
