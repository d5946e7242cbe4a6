/**
 * Small types shared by every capability: the exception roots ({@link
 * dev.mgnagent.MgnAgentException}, {@link dev.mgnagent.InvalidRequestException}), {@link
 * dev.mgnagent.Secret}, {@link dev.mgnagent.Tags}, waiting ({@link dev.mgnagent.Sleeper}, {@link
 * dev.mgnagent.Backoff}), and the checks of values a user types (region names, endpoints, loopback
 * hosts) with the quoting of them in messages.
 *
 * <p>Null contract: no public method here accepts or returns {@code null}; an absent value is an
 * empty {@code Optional} or an empty collection. Stability: public API, evolving before 1.0 (a
 * minor release may change it; every change is listed in CHANGELOG.md).
 */
package dev.mgnagent;
