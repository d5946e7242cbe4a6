/**
 * Everything that talks to the MGN API: initializing the service, reading a source server's
 * replication state and disks, following the initial sync, and reconciling the host's disks with
 * what MGN replicates.
 *
 * <p>Null contract: no public method here accepts or returns {@code null}; an absent value is an
 * empty {@code Optional} or an empty collection. Stability: public API, evolving before 1.0 (a
 * minor release may change it; every change is listed in CHANGELOG.md).
 */
package dev.mgnagent.mgn;
