/**
 * The testkit's shared contract: {@link dev.mgnagent.testkit.Startable}, the lifecycle ({@code
 * start()} and {@code close()}) of every fake that serves something. The fakes live in the
 * subpackages: {@code disk} (block device trees), {@code host} (fake Linux hosts), {@code
 * installer} (the installer bucket and the fake installer), {@code mgn} (the fake MGN), {@code
 * sandbox} (all of them wired together), {@code event} (a recording event listener) and {@code
 * junit} (the JUnit 5 extension and conditions).
 *
 * <p>Null contract: parameters and results are never null unless a method says so.
 *
 * <p>Stability: public testkit API, evolving before 1.0; it may change in a minor release, and the
 * change log says how. Packages named {@code internal} have no compatibility promise at all.
 */
package dev.mgnagent.testkit;
