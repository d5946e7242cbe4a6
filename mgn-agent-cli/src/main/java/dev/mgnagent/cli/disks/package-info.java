/**
 * {@code mgn-agent disks}: the inventory and the selection preview.
 *
 * <p>Not API: the CLI's classes may change in any release; use the core library to embed mgn-agent.
 */
package dev.mgnagent.cli.disks;
