/**
 * A machine to work on: its root directory, its environment and a {@link
 * dev.mgnagent.host.CommandRunner} that starts processes in a new session and kills their whole
 * tree. {@link dev.mgnagent.host.LocalHost} is the machine mgn-agent runs on.
 *
 * <p>Null contract: no public method here accepts or returns {@code null}; an absent value is an
 * empty {@code Optional} or an empty collection. Stability: public API, evolving before 1.0 (a
 * minor release may change it; every change is listed in CHANGELOG.md).
 */
package dev.mgnagent.host;
