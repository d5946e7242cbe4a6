/**
 * The fake SSH fleet's machinery: the MINA server of one fake host with its faults, the exec
 * command that runs real local processes, the delaying proxy of a slow link and the fake {@code
 * sudo}.
 *
 * <p>Null contract: parameters and results are never null unless a method says so.
 *
 * <p>Stability: internal; no compatibility promise of any kind. Use {@code
 * dev.mgnagent.testkit.ssh} instead.
 */
package dev.mgnagent.testkit.ssh.internal;
