package dev.mgnagent.fleet.ssm;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Shown;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which managed nodes an SSM fleet install goes to: a list of instance IDs ({@code i-...} or {@code
 * mi-...}), or every node carrying one tag ({@code tag:Wave=1}).
 */
public final class SsmTargets {

  /** A managed node ID as Systems Manager accepts it. */
  static final Pattern INSTANCE_ID = Pattern.compile("i-(\\w{8}|\\w{17})|mi-\\w{17}");

  private static final Pattern TAG = Pattern.compile("tag:([^=]{1,128})=(.{1,256})");

  private final List<String> instanceIds;
  private final Optional<String> tagKey;
  private final Optional<String> tagValue;

  private SsmTargets(List<String> ids, String key, String value) {
    this.instanceIds = List.copyOf(ids);
    this.tagKey = Optional.ofNullable(key);
    this.tagValue = Optional.ofNullable(value);
  }

  /**
   * These nodes, in this order.
   *
   * @throws InvalidRequestException when the list is empty, holds an ID twice or an ID of the wrong
   *     shape
   */
  public static SsmTargets instanceIds(List<String> ids) {
    Objects.requireNonNull(ids, "ids");
    if (ids.isEmpty()) {
      throw new InvalidRequestException("instanceIds", "no instance ID given");
    }
    Set<String> seen = new LinkedHashSet<>();
    for (String id : ids) {
      Objects.requireNonNull(id, "id");
      if (!INSTANCE_ID.matcher(id).matches()) {
        throw new InvalidRequestException(
            "instanceIds",
            "the instance ID "
                + Shown.quoted(id)
                + " is neither an EC2 instance ID (i-...) nor a managed instance ID (mi-...)");
      }
      if (!seen.add(id)) {
        throw new InvalidRequestException(
            "instanceIds", "the instance ID " + id + " is given twice");
      }
    }
    return new SsmTargets(new ArrayList<>(seen), null, null);
  }

  /** Every managed node whose tag {@code key} has the value {@code value}. */
  public static SsmTargets tag(String key, String value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    return parseTag("tag:" + key + "=" + value);
  }

  /**
   * A tag target written {@code tag:KEY=VALUE}.
   *
   * @throws InvalidRequestException for anything else
   */
  public static SsmTargets parseTag(String text) {
    Objects.requireNonNull(text, "text");
    var m = TAG.matcher(text);
    if (!m.matches() || m.group(1).isBlank() || !Shown.isPrintableAscii(text)) {
      throw new InvalidRequestException(
          "targets",
          "the target "
              + Shown.quoted(text)
              + " is not a tag target of the form tag:KEY=VALUE (such as tag:Wave=1)");
    }
    return new SsmTargets(List.of(), m.group(1), m.group(2));
  }

  /** The instance IDs given; empty for a tag target. */
  public List<String> instanceIds() {
    return instanceIds;
  }

  /** The tag key of a tag target. */
  public Optional<String> tagKey() {
    return tagKey;
  }

  /** The tag value of a tag target. */
  public Optional<String> tagValue() {
    return tagValue;
  }

  /** Whether this is a tag target. */
  public boolean isTag() {
    return tagKey.isPresent();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SsmTargets t
        && instanceIds.equals(t.instanceIds)
        && tagKey.equals(t.tagKey)
        && tagValue.equals(t.tagValue);
  }

  @Override
  public int hashCode() {
    return Objects.hash(instanceIds, tagKey, tagValue);
  }

  /** {@code tag:K=V} or the instance IDs, comma-separated. */
  @Override
  public String toString() {
    return isTag() ? "tag:" + tagKey.get() + "=" + tagValue.get() : String.join(",", instanceIds);
  }
}
