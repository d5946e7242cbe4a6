/**
 * Parsing device lists and applying the selection rules.
 *
 * <p>Not API: these classes may change or disappear in any release, and no other module may use
 * them (an ArchUnit test enforces this). Null contract as in the enclosing package.
 */
package dev.mgnagent.selection.internal;
