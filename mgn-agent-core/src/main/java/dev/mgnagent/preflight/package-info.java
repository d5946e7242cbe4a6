/**
 * Preflight: MGN's installation requirements as typed checks with evidence and remedies. Start at
 * {@link dev.mgnagent.preflight.Preflight}. Nothing here returns null; absent values are {@code
 * Optional} or empty strings ({@link dev.mgnagent.preflight.CheckResult#remedy()} of a PASS).
 */
package dev.mgnagent.preflight;
