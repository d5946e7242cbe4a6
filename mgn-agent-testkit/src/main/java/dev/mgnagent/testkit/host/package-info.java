/**
 * Fake Linux servers for preflight tests: {@link dev.mgnagent.testkit.host.FakeLinuxHost} (a host
 * tree with its files and scripted commands) and the ready-made {@link
 * dev.mgnagent.testkit.host.FakeLinuxHosts}.
 *
 * <p>Null contract: parameters and results are never null unless a method says so.
 *
 * <p>Stability: public testkit API, evolving before 1.0; it may change in a minor release, and the
 * change log says how.
 */
package dev.mgnagent.testkit.host;
