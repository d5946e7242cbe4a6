/**
 * Which disks to replicate: {@link dev.mgnagent.selection.ReplicationSelection} applies the
 * installer's rules (the root disk always, a partition means its whole disk, all disks by default)
 * to an inventory and says why each disk was chosen.
 *
 * <p>Null contract: no public method here accepts or returns {@code null}; an absent value is an
 * empty {@code Optional} or an empty collection. Stability: public API, evolving before 1.0 (a
 * minor release may change it; every change is listed in CHANGELOG.md).
 */
package dev.mgnagent.selection;
