/**
 * The official replication-agent installer: where it is published ({@link
 * dev.mgnagent.installer.InstallerLocation}), downloading and verifying it against its published
 * SHA-512 ({@link dev.mgnagent.installer.InstallerVerifier}), and running it with its prompts
 * answered ({@link dev.mgnagent.installer.AgentRegistrar}), with the events of those steps.
 *
 * <p>Null contract: no public method here accepts or returns {@code null}; an absent value is an
 * empty {@code Optional} or an empty collection. Stability: public API, evolving before 1.0 (a
 * minor release may change it; every change is listed in CHANGELOG.md).
 */
package dev.mgnagent.installer;
