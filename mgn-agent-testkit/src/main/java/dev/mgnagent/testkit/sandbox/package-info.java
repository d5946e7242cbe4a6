/**
 * {@link dev.mgnagent.testkit.sandbox.MgnSandbox}: a fake MGN, the installer bucket and the fake
 * installer wired together on 127.0.0.1, so that a whole installation runs against fakes; the CLI's
 * {@code sandbox} command and {@code install --sandbox} serve one.
 *
 * <p>Null contract: parameters and results are never null unless a method says so.
 *
 * <p>Stability: public testkit API, evolving before 1.0; it may change in a minor release, and the
 * change log says how.
 */
package dev.mgnagent.testkit.sandbox;
