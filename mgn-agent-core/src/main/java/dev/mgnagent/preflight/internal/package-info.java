/**
 * The preflight checks, the host reader they share, and the network prober.
 *
 * <p>Not API: these classes may change or disappear in any release, and no other module may use
 * them (an ArchUnit test enforces this). Null contract as in the enclosing package.
 */
package dev.mgnagent.preflight.internal;
