package dev.mgnagent.mgn;

/** What {@link ServiceRoleInitializer#inspect()} found for one part of MGN's initialization. */
public enum PartState {
  /** The part exists as initialization leaves it. */
  PRESENT,
  /** The part does not exist (or is incomplete); initialization creates it. */
  MISSING,
  /** The credentials may not look at it; whether it exists is not known. */
  UNKNOWN
}
