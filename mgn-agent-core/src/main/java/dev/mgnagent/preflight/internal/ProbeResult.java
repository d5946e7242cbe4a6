package dev.mgnagent.preflight.internal;

/**
 * How one probe ended.
 *
 * @param target what was probed
 * @param connected whether the TCP connection was established
 * @param detail "connected", or why not (refused, timed out, unknown host)
 */
public record ProbeResult(ProbeTarget target, boolean connected, String detail) {}
