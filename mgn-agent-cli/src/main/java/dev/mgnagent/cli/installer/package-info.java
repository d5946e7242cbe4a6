/**
 * {@code mgn-agent verify-installer}: download and verify the installer without running it.
 *
 * <p>Not API: the CLI's classes may change in any release; use the core library to embed mgn-agent.
 */
package dev.mgnagent.cli.installer;
