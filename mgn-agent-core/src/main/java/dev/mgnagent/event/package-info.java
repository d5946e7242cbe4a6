/**
 * The events mgn-agent reports while it works ({@link dev.mgnagent.event.MgnAgentEvent}) and the
 * {@link dev.mgnagent.event.EventListener} that receives them. Nothing here is null.
 *
 * <p>Stability: public API, evolving before 1.0 (a minor release may change it; every change is
 * listed in CHANGELOG.md).
 */
package dev.mgnagent.event;
