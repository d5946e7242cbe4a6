/**
 * Installing the agent on many hosts at once: a {@link dev.mgnagent.fleet.FleetInventory} (CSV) of
 * {@link dev.mgnagent.fleet.FleetHost}s, a {@link dev.mgnagent.fleet.HostConnector} that reaches
 * each host (SSH, later other transports), and {@link dev.mgnagent.fleet.FleetInstallation}, which
 * runs the whole {@link dev.mgnagent.install.AgentInstallation} per host with bounded parallelism
 * and a failure limit, and returns one {@link dev.mgnagent.fleet.HostOutcome} per host. {@link
 * dev.mgnagent.fleet.FleetInspection} runs read-only work (preflight, disk inventory) per host the
 * same way.
 *
 * <p>Null contract: no public method here accepts or returns {@code null}; an absent value is an
 * empty {@code Optional} or an empty collection. Stability: public API, evolving before 1.0 (a
 * minor release may change it; every change is listed in CHANGELOG.md).
 */
package dev.mgnagent.fleet;
