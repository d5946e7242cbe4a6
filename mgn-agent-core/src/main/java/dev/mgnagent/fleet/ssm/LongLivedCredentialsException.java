package dev.mgnagent.fleet.ssm;

import dev.mgnagent.MgnAgentException;

/**
 * Refuses credentials for an SSM fleet install that are not short-lived: Systems Manager keeps the
 * command's parameters (and so the install script with its answers) readable to anyone allowed to
 * list commands, so only temporary credentials ({@code ASIA...} access key with a session token)
 * may go into it. The message names neither the key nor the secret.
 */
public class LongLivedCredentialsException extends MgnAgentException {

  private static final long serialVersionUID = 1L;

  public LongLivedCredentialsException(String message) {
    super(message);
  }
}
