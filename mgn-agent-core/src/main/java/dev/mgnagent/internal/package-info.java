/** Helpers shared by mgn-agent's packages (region names, loopback hosts). Not API. */
package dev.mgnagent.internal;
