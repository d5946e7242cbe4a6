/**
 * Rendering shared by the commands: JSON, progress on a terminal, durations.
 *
 * <p>Not API: the CLI's classes may change in any release; use the core library to embed mgn-agent.
 */
package dev.mgnagent.cli.output;
