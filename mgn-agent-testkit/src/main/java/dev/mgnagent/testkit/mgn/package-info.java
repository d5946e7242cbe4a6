/**
 * A fake AWS Application Migration Service for tests: {@link dev.mgnagent.testkit.mgn.FakeMgn}
 * serves MGN's REST-JSON API on 127.0.0.1 to the real AWS SDKs, and
 * {@link dev.mgnagent.testkit.mgn.FakeMgnExtension} starts one per JUnit 5 test class.
 * Parameters and results are never null unless a method says so.
 */
package dev.mgnagent.testkit.mgn;
