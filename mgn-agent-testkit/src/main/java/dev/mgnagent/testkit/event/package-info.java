/**
 * Event helpers for tests: {@link dev.mgnagent.testkit.event.RecordingEventListener} records the
 * {@code MgnAgentEvent}s of the code under test for assertions.
 *
 * <p>Null contract: parameters and results are never null unless a method says so.
 *
 * <p>Stability: public testkit API, evolving before 1.0; it may change in a minor release, and the
 * change log says how.
 */
package dev.mgnagent.testkit.event;
