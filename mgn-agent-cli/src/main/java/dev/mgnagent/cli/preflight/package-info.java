/**
 * {@code mgn-agent preflight}: the installation requirements, checked.
 *
 * <p>Not API: the CLI's classes may change in any release; use the core library to embed mgn-agent.
 */
package dev.mgnagent.cli.preflight;
