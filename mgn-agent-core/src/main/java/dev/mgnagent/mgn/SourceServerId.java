package dev.mgnagent.mgn;

import dev.mgnagent.InvalidRequestException;
import dev.mgnagent.Shown;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The ID MGN gives a source server: {@code s-} followed by 17 letters and digits, as the installer
 * prints it ("The following is the source server ID: s-...").
 *
 * @param value the ID, such as {@code s-3af3a4dfe4d95c45f}
 */
public record SourceServerId(String value) {

  private static final Pattern PATTERN = Pattern.compile("s-[0-9a-zA-Z]{17}");

  public SourceServerId {
    Objects.requireNonNull(value, "value");
    if (!PATTERN.matcher(value).matches()) {
      throw new IllegalArgumentException("not a source server ID: " + Shown.quoted(value));
    }
  }

  /**
   * Parses a user-supplied ID.
   *
   * @throws InvalidRequestException naming {@code parameter} when {@code text} is not an ID
   */
  public static SourceServerId parse(String parameter, String text) {
    if (text == null || !PATTERN.matcher(text).matches()) {
      throw new InvalidRequestException(
          parameter,
          parameter
              + " "
              + Shown.quoted(text)
              + " is not a source server ID (s- followed by 17 letters and digits)");
    }
    return new SourceServerId(text);
  }

  @Override
  public String toString() {
    return value;
  }
}
