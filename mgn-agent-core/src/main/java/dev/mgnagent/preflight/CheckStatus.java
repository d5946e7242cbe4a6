package dev.mgnagent.preflight;

/** The outcome of one preflight check. */
public enum CheckStatus {

  /** The requirement is met. */
  PASS,

  /** The installation will probably work, but something deserves attention (see the remedy). */
  WARN,

  /** The installation would fail, or the agent would not work; the remedy says what to do. */
  FAIL,

  /**
   * The check could not be decided, for a reason that is a fact about the host or the request (for
   * example no {@code --region} was given, or {@code --host-root} points at a copied tree on which
   * no command can run). The evidence says why.
   */
  SKIPPED
}
