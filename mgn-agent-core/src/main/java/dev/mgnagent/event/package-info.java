/**
 * The events mgn-agent reports while it works ({@link dev.mgnagent.event.MgnAgentEvent}) and the
 * {@link dev.mgnagent.event.EventListener} that receives them. Nothing here is null.
 */
package dev.mgnagent.event;
