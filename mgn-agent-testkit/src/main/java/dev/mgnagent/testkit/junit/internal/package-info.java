/**
 * The implementations behind the annotations of {@code dev.mgnagent.testkit.junit}: the {@code
 * StartStop} extension and the execution conditions. Public only because JUnit instantiates them.
 *
 * <p>Null contract: parameters and results are never null unless a method says so.
 *
 * <p>Stability: internal; no compatibility promise of any kind. Use the annotations instead.
 */
package dev.mgnagent.testkit.junit.internal;
