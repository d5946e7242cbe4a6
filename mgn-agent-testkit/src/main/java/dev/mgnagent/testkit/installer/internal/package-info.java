/**
 * The fake installer's own process (its entry point, arguments, prompts, registration and run log)
 * and the control file its launcher reads.
 *
 * <p>Null contract: parameters and results are never null unless a method says so.
 *
 * <p>Stability: internal; no compatibility promise of any kind. Use {@code
 * dev.mgnagent.testkit.installer} instead.
 */
package dev.mgnagent.testkit.installer.internal;
