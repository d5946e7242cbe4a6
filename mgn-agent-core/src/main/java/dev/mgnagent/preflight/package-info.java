/**
 * Preflight: MGN's installation requirements as typed checks with evidence and remedies. Start at
 * {@link dev.mgnagent.preflight.Preflight}. Nothing here returns null; absent values are {@code
 * Optional} or empty strings ({@link dev.mgnagent.preflight.CheckResult#remedy()} of a PASS).
 *
 * <p>Stability: public API, evolving before 1.0 (a minor release may change it; every change is
 * listed in CHANGELOG.md).
 */
package dev.mgnagent.preflight;
