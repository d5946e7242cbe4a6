/**
 * The internals of the fleet installation: the CSV reader, the scheduler and the failure names. Not
 * API.
 */
package dev.mgnagent.fleet.internal;
