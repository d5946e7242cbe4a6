/**
 * A fake SSH fleet for tests: {@link dev.mgnagent.testkit.ssh.FakeSshFleet} starts one Apache MINA
 * SSH server per fake Linux host on {@code 127.0.0.1}; exec requests run as real local processes,
 * SFTP serves the local file system, each host has a fake {@code sudo} and faults of its own
 * ({@link dev.mgnagent.testkit.ssh.FakeSshHostBuilder}), and records the commands it ran ({@link
 * dev.mgnagent.testkit.ssh.FakeSshProcess}).
 *
 * <p>Null contract: parameters and results are never null unless a method says so.
 *
 * <p>Stability: public testkit API, evolving before 1.0; it may change in a minor release, and the
 * change log says how.
 */
package dev.mgnagent.testkit.ssh;
