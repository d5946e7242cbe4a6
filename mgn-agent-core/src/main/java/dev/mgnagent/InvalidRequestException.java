package dev.mgnagent;

import java.util.Optional;

/**
 * The request cannot be carried out as given: a bad value, a missing answer, a directory that does
 * not exist. Nothing was changed. The CLI exits with code 2.
 */
public class InvalidRequestException extends MgnAgentException {

  private static final long serialVersionUID = 1L;

  private final String parameter;

  /**
   * @param parameter the flag or field that is wrong, such as {@code --host-root}; may be null
   * @param message what is wrong and what to do instead
   */
  public InvalidRequestException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  /** The flag or field that is wrong, when one is. */
  public Optional<String> parameter() {
    return Optional.ofNullable(parameter);
  }
}
