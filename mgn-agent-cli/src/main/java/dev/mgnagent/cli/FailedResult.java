package dev.mgnagent.cli;

import dev.mgnagent.MgnAgentException;

/**
 * A failure of a command whose {@code --json} output is a stream of events ending with a result:
 * {@link ErrorReporter} reports it as usual, and with {@code --json} its error document is that
 * result, {@code {"type":"result","<outcome>":false,"error":{...}}}.
 */
public final class FailedResult extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String outcome;

  /** {@code failure} as the result whose {@code outcome} field (such as "installed") is false. */
  public FailedResult(String outcome, MgnAgentException failure) {
    super(failure.getMessage(), failure, false, false);
    this.outcome = outcome;
  }

  /** The result's field that is false. */
  public String outcome() {
    return outcome;
  }

  @Override
  public synchronized MgnAgentException getCause() {
    return (MgnAgentException) super.getCause();
  }
}
