/**
 * Machinery that several fakes share: the loopback HTTP server they answer on.
 *
 * <p>Null contract: parameters and results are never null unless a method says so.
 *
 * <p>Stability: internal; no compatibility promise of any kind.
 */
package dev.mgnagent.testkit.internal;
