/**
 * How the fake block device trees are modelled and written: device numbers, sysfs attributes,
 * {@code /dev} links, mountinfo and the verbatim capture of a real machine.
 *
 * <p>Null contract: parameters and results are never null unless a method says so.
 *
 * <p>Stability: internal; no compatibility promise of any kind. Use {@code
 * dev.mgnagent.testkit.disk} instead.
 */
package dev.mgnagent.testkit.disk.internal;
