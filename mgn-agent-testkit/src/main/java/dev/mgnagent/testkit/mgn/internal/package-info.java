/**
 * How the fake MGN works: HTTP routing, SigV4 verification, the account's state, the replication
 * timeline, fault injection and the wire JSON.
 *
 * <p>Null contract: parameters and results are never null unless a method says so.
 *
 * <p>Stability: internal; no compatibility promise of any kind. Use {@code
 * dev.mgnagent.testkit.mgn} instead.
 */
package dev.mgnagent.testkit.mgn.internal;
