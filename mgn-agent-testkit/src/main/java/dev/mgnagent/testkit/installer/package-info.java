/**
 * The installer's side of AWS, faked: {@link dev.mgnagent.testkit.installer.FakeInstallerBucket}
 * serves the installer and its SHA-512 at the real bucket layout on 127.0.0.1, with faults on
 * request, and {@link dev.mgnagent.testkit.installer.FakeInstaller} stands in for the Linux
 * replication-agent installer (same parameters, prompts and transcript), registering with the fake
 * MGN and writing only under its install root. {@code dev.mgnagent.testkit.sandbox.MgnSandbox}
 * wires both to a fake MGN.
 *
 * <p>Null contract: parameters and results are never null unless a method says so.
 *
 * <p>Stability: public testkit API, evolving before 1.0; it may change in a minor release, and the
 * change log says how.
 */
package dev.mgnagent.testkit.installer;
