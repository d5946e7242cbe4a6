package dev.mgnagent.testkit.mgn.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful answer: a status and a JSON body, or no body at all.
 *
 * @param status the HTTP status
 * @param body the JSON body, or null for an empty body
 */
record Reply(int status, JsonNode body) {

  public static Reply json(JsonNode body) {
    return new Reply(200, body);
  }

  public static Reply empty(int status) {
    return new Reply(status, null);
  }
}
