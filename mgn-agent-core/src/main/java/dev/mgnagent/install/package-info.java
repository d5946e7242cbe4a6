/**
 * The whole installation as one call: {@link dev.mgnagent.install.AgentInstallation} runs the steps
 * (validate, service, verify the installer, select disks, install, confirm, watch) for an {@link
 * dev.mgnagent.install.InstallRequest} and reports them as events.
 *
 * <p>Null contract: no public method here accepts or returns {@code null}; an absent value is an
 * empty {@code Optional} or an empty collection. Stability: public API, evolving before 1.0 (a
 * minor release may change it; every change is listed in CHANGELOG.md).
 */
package dev.mgnagent.install;
