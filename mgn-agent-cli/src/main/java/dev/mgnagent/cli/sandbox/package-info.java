/**
 * {@code mgn-agent sandbox} and the {@code --sandbox} wiring: the testkit's fakes served on
 * loopback.
 *
 * <p>Not API: the CLI's classes may change in any release; use the core library to embed mgn-agent.
 */
package dev.mgnagent.cli.sandbox;
