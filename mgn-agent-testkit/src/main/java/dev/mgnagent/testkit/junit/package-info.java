/**
 * JUnit 5 support: {@link dev.mgnagent.testkit.junit.StartStop} starts and closes the fakes held by
 * annotated fields, and {@link dev.mgnagent.testkit.junit.EnabledIfPython3}, {@link
 * dev.mgnagent.testkit.junit.EnabledIfScript} and {@link
 * dev.mgnagent.testkit.junit.EnabledIfLinuxSysfs} skip tests whose environment is missing. The
 * testkit declares JUnit Jupiter as {@code provided}: tests that use this package bring their own
 * JUnit 5.
 *
 * <p>Null contract: parameters and results are never null unless a method says so.
 *
 * <p>Stability: public testkit API, evolving before 1.0; it may change in a minor release, and the
 * change log says how.
 */
package dev.mgnagent.testkit.junit;
