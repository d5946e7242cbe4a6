/**
 * {@code mgn-agent fleet}: install, preflight and disks on every host of a CSV inventory, through a
 * connector per host (SSH; tests give their own through the CLI context).
 */
package dev.mgnagent.cli.fleet;
