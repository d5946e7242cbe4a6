/** Implementation of the SSM fleet transport: the command driver, the outcome mapping. */
package dev.mgnagent.fleet.ssm.internal;
