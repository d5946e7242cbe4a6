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
   * @param parameter the API name of the value that is wrong (the builder setter's name, such as
   *     {@code secretAccessKey} or {@code tags}); a front end may pass its own flag name; may be
   *     null
   * @param message what is wrong and what to do instead, naming API values, not front-end flags
   */
  public InvalidRequestException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  /** The API name of the value that is wrong, when one is. */
  public Optional<String> parameter() {
    return Optional.ofNullable(parameter);
  }
}
