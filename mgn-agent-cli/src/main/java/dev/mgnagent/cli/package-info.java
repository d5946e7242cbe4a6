/**
 * The {@code mgn-agent} command line: picocli commands over the core API, exit codes decided in one
 * place, errors reported as one line (or one JSON document).
 *
 * <p>Not API: the CLI's classes may change in any release; use the core library to embed mgn-agent.
 */
package dev.mgnagent.cli;
