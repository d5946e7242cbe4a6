package dev.mgnagent.testkit.mgn.internal;

/** Handles one MGN operation; throws {@link MgnError} to answer with an error. */
@FunctionalInterface
interface Operation {
  Reply handle(Call call);
}
