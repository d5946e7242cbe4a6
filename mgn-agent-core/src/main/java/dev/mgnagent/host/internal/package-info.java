/**
 * Implementations of {@link dev.mgnagent.host}; use {@link dev.mgnagent.host.LocalHost} instead.
 *
 * <p>Not API: these classes may change or disappear in any release, and no other module may use
 * them (an ArchUnit test enforces this). Null contract as in the enclosing package.
 */
package dev.mgnagent.host.internal;
