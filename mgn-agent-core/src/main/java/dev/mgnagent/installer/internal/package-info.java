/**
 * Implementations of {@link dev.mgnagent.installer}; use {@link
 * dev.mgnagent.installer.InstallerVerifier} and {@link dev.mgnagent.installer.AgentRegistrar}
 * instead.
 *
 * <p>Not API: these classes may change or disappear in any release, and no other module may use
 * them (an ArchUnit test enforces this). Null contract as in the enclosing package.
 */
package dev.mgnagent.installer.internal;
