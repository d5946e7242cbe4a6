/**
 * Implementations of {@link dev.mgnagent.host}: not API, may change without notice. Use {@link
 * dev.mgnagent.host.LocalHost} instead of these classes.
 */
package dev.mgnagent.host.internal;
