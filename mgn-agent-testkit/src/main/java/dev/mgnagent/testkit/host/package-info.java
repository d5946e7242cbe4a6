/**
 * Fake Linux servers for preflight tests: {@link dev.mgnagent.testkit.host.FakeLinuxHost} and
 * the ready-made {@link dev.mgnagent.testkit.host.FakeLinuxHosts}.
 */
package dev.mgnagent.testkit.host;
