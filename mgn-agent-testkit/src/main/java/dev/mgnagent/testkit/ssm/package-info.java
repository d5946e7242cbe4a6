/**
 * A fake AWS Systems Manager for Run Command ({@link dev.mgnagent.testkit.ssm.FakeSsm}): managed
 * instances backed by fake Linux host trees, whose invocations run the real script as local
 * processes.
 */
package dev.mgnagent.testkit.ssm;
