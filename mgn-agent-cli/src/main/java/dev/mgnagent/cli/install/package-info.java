/**
 * {@code mgn-agent install}: the whole installation, rendered as it runs.
 *
 * <p>Not API: the CLI's classes may change in any release; use the core library to embed mgn-agent.
 */
package dev.mgnagent.cli.install;
