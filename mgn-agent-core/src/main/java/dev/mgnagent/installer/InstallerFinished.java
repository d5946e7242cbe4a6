package dev.mgnagent.installer;

import dev.mgnagent.event.MgnAgentEvent;

/**
 * The installer process ended.
 *
 * @param exitCode its exit code (137 when mgn-agent killed it)
 */
public record InstallerFinished(int exitCode) implements MgnAgentEvent {}
