package dev.mgnagent.cli.output;

import dev.mgnagent.Warning;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A small streaming JSON writer for commands that must not load Jackson ({@code disks} starts in
 * well under a second). Calls must nest correctly; {@link #toJson()} checks that everything was
 * closed.
 */
public final class JsonWriter {

  private final StringBuilder json = new StringBuilder();

  /** One entry per open container: whether it already holds a member. */
  private final Deque<boolean[]> open = new ArrayDeque<>();

  private JsonWriter() {}

  /** A writer with the top-level object already open. */
  public static JsonWriter object() {
    JsonWriter writer = new JsonWriter();
    writer.json.append('{');
    writer.open.push(new boolean[] {false});
    return writer;
  }

  public JsonWriter field(String name, String value) {
    name(name);
    string(value);
    return this;
  }

  public JsonWriter field(String name, Optional<String> value) {
    name(name);
    if (value.isPresent()) {
      string(value.get());
    } else {
      json.append("null");
    }
    return this;
  }

  public JsonWriter field(String name, long value) {
    name(name);
    json.append(value);
    return this;
  }

  public JsonWriter field(String name, boolean value) {
    name(name);
    json.append(value);
    return this;
  }

  public JsonWriter field(String name, List<String> values) {
    name(name);
    json.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        json.append(',');
      }
      string(values.get(i));
    }
    json.append(']');
    return this;
  }

  /** Opens an object as the value of {@code name}. */
  public JsonWriter beginObject(String name) {
    name(name);
    return push('{');
  }

  /** Opens an object as the next element of the current array. */
  public JsonWriter beginObject() {
    separate();
    return push('{');
  }

  public JsonWriter endObject() {
    return pop('}');
  }

  /** Opens an array as the value of {@code name}. */
  /** An array of {@code {"code": ..., "message": ...}} objects, codes as the enum's names. */
  public JsonWriter warnings(String name, List<Warning> warnings) {
    beginArray(name);
    for (Warning w : warnings) {
      beginObject().field("code", w.code().name()).field("message", w.message()).endObject();
    }
    return endArray();
  }

  public JsonWriter beginArray(String name) {
    name(name);
    return push('[');
  }

  public JsonWriter endArray() {
    return pop(']');
  }

  /** Closes the top-level object and returns the document. */
  public String toJson() {
    pop('}');
    if (!open.isEmpty()) {
      throw new IllegalStateException("unclosed JSON container");
    }
    return json.toString();
  }

  private JsonWriter push(char bracket) {
    json.append(bracket);
    open.push(new boolean[] {false});
    return this;
  }

  private JsonWriter pop(char bracket) {
    if (open.isEmpty()) {
      throw new IllegalStateException("nothing to close");
    }
    open.pop();
    json.append(bracket);
    return this;
  }

  private void name(String name) {
    separate();
    string(name);
    json.append(':');
  }

  private void separate() {
    boolean[] hasMember = open.peek();
    if (hasMember == null) {
      throw new IllegalStateException("document already closed");
    }
    if (hasMember[0]) {
      json.append(',');
    }
    hasMember[0] = true;
  }

  private void string(String value) {
    json.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
