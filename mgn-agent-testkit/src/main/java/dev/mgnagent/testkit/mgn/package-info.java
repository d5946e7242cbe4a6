/**
 * A fake AWS Application Migration Service for tests: {@link dev.mgnagent.testkit.mgn.FakeMgn}
 * serves MGN's REST-JSON API on 127.0.0.1 to the real AWS SDKs, verifies SigV4, simulates
 * replication on a clock the test controls ({@link dev.mgnagent.testkit.mgn.SteppedClock}) and
 * injects faults on request. Start it with {@code start()} (or {@code @StartStop} from {@code
 * dev.mgnagent.testkit.junit}) and close it with {@code close()}.
 *
 * <p>Null contract: parameters and results are never null unless a method says so.
 *
 * <p>Stability: public testkit API, evolving before 1.0; it may change in a minor release, and the
 * change log says how.
 */
package dev.mgnagent.testkit.mgn;
