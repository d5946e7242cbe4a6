/** The preflight checks, the host reader they share, and the network prober. Not API. */
package dev.mgnagent.preflight.internal;
