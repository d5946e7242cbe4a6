/**
 * Reading sysfs, procfs and /dev, and the pure parsers that assemble an inventory from them.
 *
 * <p>Not API: these classes may change or disappear in any release, and no other module may use
 * them (an ArchUnit test enforces this). Null contract as in the enclosing package.
 */
package dev.mgnagent.disk.internal;
